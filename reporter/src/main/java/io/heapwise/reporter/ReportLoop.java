// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.reporter;

import io.heapwise.agent.boot.AgentArgs;
import io.heapwise.agent.boot.AgentLog;
import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.bytecode.ClassFiles;
import io.heapwise.analyzer.read.LiveProfile;
import io.heapwise.analyzer.report.AtomicFiles;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportDigest;
import io.heapwise.analyzer.report.ReportJson;
import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.consumer.EventStream;

/**
 * Follows this JVM's JFR disk repository from the start of the agent's recording into the analyzer's live model,
 * and every period logs a digest of that period's report to the application's own log ({@link System.Logger},
 * which reaches the application's logging framework when it provides a {@code System.LoggerFinder}, and
 * {@code java.util.logging} otherwise), and writes the whole report as JSON to {@code report-file=} if given.
 *
 * <p>Each report covers one period, not the recording so far: a service runs for weeks, its rates now matter more
 * than their average since it started, and a model of weeks would grow with every collection and every second.
 */
final class ReportLoop {

  /** The logger the reports go to, for configuring their level or destination in the application's logging. */
  static final String LOGGER_NAME = "io.heapwise.report";
  private static final int DIGEST_SITES = 3;
  private static final int DIGEST_FINDINGS = 5;
  private static final long STOP_WAIT_SECONDS = 5;

  private final AgentArgs args;
  private final AgentLog log;
  private final LiveProfile profile;
  private final EventStream stream;
  private final ClassFiles classFiles;
  private final AnalysisOptions options;
  private final Analyzer analyzer = new Analyzer();
  private final ScheduledExecutorService timer;
  private final AtomicBoolean stopped = new AtomicBoolean();
  /**
   * Set when the JVM begins to exit: the application's logging closes its handlers in shutdown hooks of its own
   * (java.util.logging's closes its FileHandlers), and a report logged after that fails inside the logging
   * framework, which may print the failure onto the application's stderr.
   */
  private volatile boolean exiting;
  private final Thread exitHook = new Thread(this::exiting, "heapwise-report-exit");
  private volatile Throwable streamFailure;
  private boolean streamFailureLogged;
  /** Touched by the timer thread only, and by the stopping thread once the timer has ended. */
  private int reportsMade;
  private String lastProblem;
  private System.Logger logger;

  private ReportLoop(AgentArgs args, AgentLog log, EventStream stream, ClassFiles classFiles) {
    this.args = args;
    this.log = log;
    this.stream = stream;
    this.classFiles = classFiles;
    this.profile = new LiveProfile(args.include(), args.exclude());
    this.options = AnalysisOptions.defaults()
        .withApplicationPackages(args.include())
        .withLibraryPackages(args.exclude())
        .withClassFiles(classFiles);
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "heapwise-report");
      thread.setDaemon(true); // never what keeps a finished application alive
      return thread;
    });
  }

  static ReportLoop start(AgentArgs args, AgentLog log, Instant since) throws IOException {
    ClassFiles classFiles = classPathFiles();
    ReportLoop loop;
    try {
      EventStream stream = EventStream.openRepository();
      loop = new ReportLoop(args, log, stream, classFiles);
      // The repository also holds what was recorded before the agent started, by other recordings.
      stream.setStartTime(since);
      loop.profile.follow(stream);
      stream.onError(failure -> loop.streamFailure = failure);
      // Not startAsync(): JFR's own thread for it is not a daemon, and would keep a finished application alive.
      Thread reader = new Thread(stream::start, "heapwise-report-stream");
      reader.setDaemon(true);
      reader.start();
    } catch (IOException | RuntimeException e) {
      classFiles.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(loop.exitHook);
    loop.timer.scheduleAtFixedRate(() -> loop.report("the last " + AgentArgs.formatDuration(args.reportMillis())),
        args.reportMillis(), args.reportMillis(), TimeUnit.MILLISECONDS);
    log.info("reporting the findings of every " + AgentArgs.formatDuration(args.reportMillis())
        + " to logger " + LOGGER_NAME + (args.reportFile() == null ? "" : " and to " + args.reportFile()));
    return loop;
  }

  /**
   * Ends the reports with a last one, on what came since the previous, when the agent ends the recording; safe to
   * run more than once.
   */
  void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(exitHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook has run or is running: no last report then.
    }
    timer.shutdown();
    try {
      timer.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    report("the recording ended");
    stream.close();
    try {
      classFiles.close();
    } catch (IOException e) {
      // Read-only jars: nothing to lose.
    }
  }

  private void exiting() {
    exiting = true;
    timer.shutdownNow();
  }

  private void report(String when) {
    if (exiting) {
      return;
    }
    try {
      if (streamFailure != null) {
        if (!streamFailureLogged) {
          streamFailureLogged = true;
          log.info("periodic reports stopped: cannot read this JVM's JFR repository (" + streamFailure
              + "); the recording goes on");
          timer.shutdown();
        }
        return;
      }
      if (profile.eventsSeen() == 0) {
        return; // JFR has not flushed since the last report: an empty report would only say so
      }
      Report report = analyzer.report(profile.snapshotAndStartWindow(), options);
      reportsMade++;
      if (args.reportFile() != null) {
        AtomicFiles.writeText(args.reportFile(), out -> ReportJson.write(report, out));
      }
      logger().log(Level.INFO, message(report, when));
    } catch (IOException | RuntimeException e) {
      // Logged once per kind of problem: a disk that stays full must not flood the application's log.
      String problem = e.toString();
      if (!problem.equals(lastProblem)) {
        lastProblem = problem;
        log.info("periodic report " + (reportsMade + 1) + " failed (" + problem + "); trying again in "
            + AgentArgs.formatDuration(args.reportMillis()));
      }
    }
  }

  /**
   * {@code heapwise report 3 (the last 1m): 60.0 s: 412.3 MB/s allocated; ...} and a line per top site and finding.
   */
  private String message(Report report, String when) {
    List<String> lines = new ArrayList<>(ReportDigest.lines(report, DIGEST_SITES, DIGEST_FINDINGS));
    lines.set(0, "heapwise report " + reportsMade + " (" + when + "): " + lines.get(0));
    if (args.reportFile() != null) {
      lines.add("  full report: " + args.reportFile());
    }
    return String.join(System.lineSeparator(), lines);
  }

  /**
   * Looked up at the first report rather than at start: the agent starts before the application has configured
   * its logging, and an early lookup could fix the logger to the JDK's default.
   */
  private System.Logger logger() {
    if (logger == null) {
      logger = System.getLogger(LOGGER_NAME);
    }
    return logger;
  }

  /**
   * The application's class path, for the bytecode facts of classes loaded before the agent (the agent embeds only
   * those loaded after it starts); entries that are missing are skipped, as the JVM skips them.
   */
  private static ClassFiles classPathFiles() throws IOException {
    List<Path> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      try {
        Path path = Path.of(entry);
        if (!entry.isEmpty() && (Files.isDirectory(path) || Files.isRegularFile(path))) {
          entries.add(path);
        }
      } catch (InvalidPathException e) {
        // The JVM could not use it either.
      }
    }
    return ClassFiles.open(entries);
  }
}
