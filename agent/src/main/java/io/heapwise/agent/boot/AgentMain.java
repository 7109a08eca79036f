// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.boot;

import io.heapwise.agent.instrument.Instrumenter;
import io.heapwise.agent.jfr.ClassFileRecorder;
import io.heapwise.agent.jfr.RecordingControl;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.LocalDateTime;

/** Checks the options and the environment, then starts the recording; every problem ends in one log line. */
public final class AgentMain {

  private AgentMain() {}

  /**
   * Starts the agent. {@code how} is {@code premain} or {@code agentmain}. Failures are logged, never thrown,
   * except for what the trampoline in {@code AllocAgent} must catch when even logging is impossible.
   */
  public static void start(String rawArgs, Instrumentation inst, String how) {
    AgentLog log;
    try {
      log = AgentLog.to(AgentArgs.logTarget(rawArgs));
    } catch (InvalidPathException e) {
      AgentLog.to(AgentArgs.DEFAULT_LOG).disabled("option 'log' is not a valid path: " + e.getMessage());
      return;
    }
    try {
      if (AgentArgs.isStopRequest(rawArgs)) {
        stopRecording(log);
      } else {
        startRecording(rawArgs, inst, log);
      }
    } catch (Throwable t) {
      log.disabled(how + " failed: " + t);
    }
  }

  private static void startRecording(String rawArgs, Instrumentation inst, AgentLog log) {
    if (log.file() != null) {
      String problem = writeProblem(log.file());
      if (problem != null) {
        AgentLog.to(AgentArgs.DEFAULT_LOG).disabled("cannot write log file " + log.file() + " (" + problem + ")");
        return;
      }
    }
    AgentArgs args;
    try {
      args = AgentArgs.parse(rawArgs, ProcessHandle.current().pid(), LocalDateTime.now());
    } catch (AgentArgs.InvalidOptionException e) {
      log.disabled(e.getMessage());
      return;
    }
    String problem = writeProblem(args.out());
    if (problem != null) {
      log.disabled("cannot write " + args.out() + " (" + problem + ")");
      return;
    }
    if (args.reportFile() != null && (problem = writeProblem(args.reportFile())) != null) {
      log.disabled("cannot write report-file " + args.reportFile() + " (" + problem + ")");
      return;
    }
    PeriodicReports reports = null;
    if (args.reportMillis() > 0) {
      try {
        reports = periodicReports();
      } catch (ReflectiveOperationException | LinkageError e) {
        log.disabled("report= needs the heapwise-agent.jar that carries the analyzer (the one inside heapwise.jar,"
            + " or reporter/target/heapwise-agent.jar of a build); " + agentJar() + " does not");
        return;
      }
    }
    // Checked before any jdk.jfr class is touched: on a JVM without the module (jlink image, --limit-modules)
    // the first reference would throw NoClassDefFoundError instead of giving a clear line.
    if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) {
      log.disabled("JFR is not available in this JVM (module jdk.jfr is not present)");
      return;
    }
    RecordingControl control;
    try {
      control = RecordingControl.start(args, log);
    } catch (RecordingControl.StartFailure e) {
      log.disabled(e.getMessage());
      return;
    }
    if (args.instrument()) {
      Instrumenter.install(inst, args, log, control);
    }
    // Classes loaded from now on travel in the recording; those loaded before (all of them, when attached to a
    // running JVM) need --classpath at analysis time.
    ClassFileRecorder classFiles = new ClassFileRecorder(args.include(), args.exclude(), log);
    inst.addTransformer(classFiles, false);
    // Nothing of the agent's may stay active after a recording it ended; at exit, nothing needs removing.
    control.beforeStop(() -> inst.removeTransformer(classFiles));
    if (reports != null) {
      startReports(reports, args, log, control);
    }
    control.startClock();
  }

  private static PeriodicReports periodicReports() throws ReflectiveOperationException {
    return Class.forName(PeriodicReports.IMPLEMENTATION, true, AgentMain.class.getClassLoader())
        .asSubclass(PeriodicReports.class).getConstructor().newInstance();
  }

  private static void startReports(PeriodicReports reports, AgentArgs args, AgentLog log, RecordingControl control) {
    try {
      Runnable stop = reports.start(args, log, control.startTime());
      control.beforeStop(stop);
    } catch (Exception | LinkageError e) {
      // The recording is worth having without them.
      log.info("periodic reports could not start (" + e + "); recording without them");
    }
  }

  private static String agentJar() {
    CodeSource source = AgentMain.class.getProtectionDomain().getCodeSource();
    return source == null ? "this agent jar" : source.getLocation().getPath();
  }

  private static void stopRecording(AgentLog log) {
    Path written = RecordingControl.stopRunning();
    if (written == null) {
      log.info("no Heapwise recording is running in this JVM: nothing to stop");
    }
  }

  /** Why {@code file} cannot be created or overwritten, or null if it looks writable. */
  static String writeProblem(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || Files.isDirectory(file)) {
      return file + " is a directory";
    } else if (!Files.exists(dir)) {
      return "directory " + dir + " does not exist";
    } else if (!Files.isDirectory(dir)) {
      return dir + " is not a directory";
    } else if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(dir)) {
      return (Files.exists(file) ? file : "directory " + dir) + " is not writable";
    }
    return null;
  }
}
