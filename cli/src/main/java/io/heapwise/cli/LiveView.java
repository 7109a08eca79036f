// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.read.LiveProfile;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportDigest;
import io.heapwise.cli.render.TextRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import jdk.jfr.consumer.EventStream;

/**
 * {@code attach --live}: follows the target's JFR disk repository while JFR writes it (JFR's own streaming, read
 * from the files, so nothing listens on a port) into the analyzer's model, and shows the report so far every few
 * seconds: redrawn in place on a terminal, a few summary lines per period otherwise.
 */
final class LiveView implements AttachSession.Watcher {

  /** A terminal redraws cheaply; a log gets a summary at a pace someone reading it later can follow. */
  static final Duration TERMINAL_REFRESH = Duration.ofSeconds(2);
  static final Duration LOG_REFRESH = Duration.ofSeconds(10);
  private static final String CLEAR_SCREEN = "\033[H\033[2J";
  private static final int DIGEST_SITES = 3;
  private static final int DIGEST_FINDINGS = 5;

  private final JvmTarget target;
  private final AnalysisOptions options;
  private final List<String> include;
  private final List<String> exclude;
  private final Terminal terminal;
  private final PrintWriter screen;
  private final Duration refresh;
  private final Analyzer analyzer = new Analyzer();
  private LiveProfile profile;
  private EventStream stream;
  private volatile Throwable streamFailure;
  private Duration nextFrame;

  /**
   * @param include the application packages the agent was given, for attributing sites as it will
   * @param refresh how often to show the report so far
   */
  LiveView(JvmTarget target, AnalysisOptions options, List<String> include, List<String> exclude,
      Terminal terminal, PrintWriter screen, Duration refresh) {
    this.target = target;
    this.options = options;
    this.include = List.copyOf(include);
    this.exclude = List.copyOf(exclude);
    this.terminal = terminal;
    this.screen = screen;
    this.refresh = refresh;
    this.nextFrame = refresh; // a frame at 0 s would show an empty report
  }

  @Override
  public void recording(Path repository, Instant since) {
    try {
      stream = EventStream.openRepository(repository);
      // The repository may hold older chunks of the target's other recordings.
      stream.setStartTime(since);
      profile = new LiveProfile(include, exclude);
      profile.follow(stream);
      stream.onError(failure -> streamFailure = failure);
      stream.startAsync();
    } catch (IOException | RuntimeException e) {
      closeStream();
      warn("cannot follow the JVM's JFR repository " + repository + " (" + HeapwiseCli.oneLine(e.getMessage())
          + ")");
    }
  }

  @Override
  public void tick(Duration elapsed, Duration left) {
    if (profile == null || elapsed.compareTo(nextFrame) < 0) {
      return;
    }
    nextFrame = elapsed.plus(refresh);
    if (streamFailure != null) {
      Throwable failure = streamFailure;
      closeStream();
      warn("stopped following the JVM's JFR repository (" + HeapwiseCli.oneLine(String.valueOf(
          failure.getMessage())) + ")");
      return;
    }
    Report report = analyzer.report(profile.snapshot(), options);
    String status = status(elapsed, left);
    if (terminal.interactive()) {
      screen.print(CLEAR_SCREEN);
      try {
        new TextRenderer(terminal.colour()).renderLive(report, status, screen);
      } catch (IOException e) {
        closeStream(); // the terminal went away; the recording and its report go on
      }
    } else {
      screen.println("heapwise live: " + status);
      for (String line : ReportDigest.lines(report, DIGEST_SITES, DIGEST_FINDINGS)) {
        screen.println("heapwise live: " + line);
      }
    }
    screen.flush();
  }

  private String status(Duration elapsed, Duration left) {
    String time = left == null
        ? elapsed.toSeconds() + " s, until Ctrl-C"
        : elapsed.toSeconds() + " s of " + elapsed.plus(left).toSeconds() + " s";
    return String.format(Locale.ROOT, "JVM %s: %s, %,d events", target.describe(), time, profile.eventsSeen());
  }

  @Override
  public void done() {
    closeStream();
  }

  private void warn(String problem) {
    screen.println("heapwise: warning: the live view " + problem + "; the report follows when the recording ends");
    screen.flush();
  }

  private void closeStream() {
    profile = null;
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }
}
