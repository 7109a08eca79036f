// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One recording made by attaching the agent to a running JVM: loads the agent, passes its log lines on, ends the
 * recording early on Ctrl-C, and returns once the recording file is in place.
 *
 * <p>The agent ends the recording by itself when the duration ends or when this process goes away (its
 * {@code owner=} option), so a heapwise killed mid-way still leaves nothing running in the target.
 */
final class AttachSession implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);
  /** After the duration or a stop: taking back the instrumentation and writing the file, on a busy machine. */
  private static final Duration WRITE_GRACE = Duration.ofSeconds(60);
  /** When the target exits mid-recording, JFR writes the file from its exit hook; this long, at most. */
  private static final Duration EXIT_GRACE = Duration.ofSeconds(10);
  private static final String AGENT_FAILED = "[heapwise] agent disabled: ";
  private static final String AGENT_STOPPED = "[heapwise] agent stopped: ";

  private final JvmTarget target;
  private final Path agentJar;
  private final PrintWriter err;
  private final Path log;
  private long logRead;
  private List<Path> classPath = List.of();

  private AttachSession(JvmTarget target, Path agentJar, PrintWriter err, Path log) {
    this.target = target;
    this.agentJar = agentJar;
    this.err = err;
    this.log = log;
  }

  /** A session whose agent log is a private temporary file, deleted by {@link #close}. */
  static AttachSession open(JvmTarget target, Path agentJar, PrintWriter err) throws IOException {
    return new AttachSession(target, agentJar, err, Files.createTempFile("heapwise-attach-", ".log"));
  }

  /**
   * Records until {@code duration} ends (null: until Ctrl-C) and returns when {@code out} is written.
   *
   * @param agentOptions the agent's options for {@code out}, without {@code owner=} and {@code log=}
   * @param watcher what the user sees meanwhile
   */
  void record(String agentOptions, Path out, Duration duration, CtrlC ctrlC, Watcher watcher)
      throws BadInputException {
    String self = Long.toString(ProcessHandle.current().pid());
    Instant attached = Instant.now();
    Path repository;
    try (AttachedJvm jvm = AttachedJvm.attach(target)) {
      jvm.checkSupported();
      classPath = jvm.classPath();
      jvm.loadAgent(agentJar, agentOptions + ",owner=" + self + ",log=" + log);
      repository = jvm.jfrRepository();
    }
    relayLog();
    if (repository != null) {
      watcher.recording(repository, attached);
    }
    try {
      awaitRecording(out, duration, ctrlC, watcher);
    } finally {
      watcher.done();
    }
    relayLog();
  }

  private void awaitRecording(Path out, Duration duration, CtrlC ctrlC, Watcher watcher) throws BadInputException {
    long startNanos = System.nanoTime();
    long deadline = duration == null ? Long.MAX_VALUE : startNanos + duration.plus(WRITE_GRACE).toNanos();
    boolean stopSent = false;
    long exitNoticed = 0;
    while (!Files.exists(out)) {
      relayLog();
      long now = System.nanoTime();
      if (ctrlC.requested() && !stopSent) {
        stopSent = true;
        deadline = Math.min(deadline, now + WRITE_GRACE.toNanos());
        err.println("heapwise: ending the recording early and writing the report");
        requestStop();
      }
      if (exitNoticed == 0 && !ProcessHandle.of(target.pid()).map(ProcessHandle::isAlive).orElse(false)) {
        exitNoticed = now;
      }
      if (exitNoticed != 0 && now - exitNoticed > EXIT_GRACE.toNanos()) {
        throw new BadInputException("JVM " + target.describe() + " exited during the recording without writing "
            + out);
      }
      if (now > deadline) {
        throw new BadInputException("JVM " + target.describe() + " has not written " + out + " within "
            + WRITE_GRACE.toSeconds() + " s of the recording's end; the '[heapwise]' lines above say what the "
            + "agent did");
      }
      if (!stopSent) {
        Duration elapsed = Duration.ofNanos(now - startNanos);
        watcher.tick(elapsed, duration == null ? null : duration.minus(elapsed));
      }
      sleep();
    }
  }

  /** What the user sees while the recording runs; every call comes from the thread that waits. */
  interface Watcher {

    /** The agent is recording; {@code repository} is the target's JFR disk repository, for streaming. */
    default void recording(Path repository, Instant since) {
    }

    /** Called a few times a second; {@code left} is null when recording until Ctrl-C. */
    void tick(Duration elapsed, Duration left);

    /** The recording has ended, or failed; the screen is the report's from now on. */
    void done();
  }

  /** A countdown on one line of an interactive terminal; nothing otherwise. */
  static Watcher countdown(JvmTarget target, Terminal terminal, PrintWriter err) {
    CountdownLine line = new CountdownLine(err, "recording JVM " + target.pid(), "Ctrl-C ends it early");
    return new Watcher() {
      @Override
      public void tick(Duration elapsed, Duration left) {
        if (terminal.interactive()) {
          line.show(elapsed, left);
        }
      }

      @Override
      public void done() {
        line.clear();
      }
    };
  }

  /** The target's class path, read when the agent was loaded, for the analysis's bytecode facts. */
  List<Path> classPath() {
    return classPath;
  }

  /** A second attach that ends the recording as its duration would; the agent writes the file. */
  private void requestStop() {
    try (AttachedJvm jvm = AttachedJvm.attach(target)) {
      jvm.loadAgent(agentJar, "stop,log=" + log);
    } catch (BadInputException e) {
      // The target is gone or busy: the agent also stops when this process exits, and the wait says what happened.
      err.println("heapwise: warning: " + e.getMessage());
    }
  }

  /** Passes on the agent's new lines; a line saying the agent gave up ends the session with its reason. */
  private void relayLog() throws BadInputException {
    List<String> lines = newLogLines();
    for (String line : lines) {
      err.println(line);
    }
    err.flush();
    for (String line : lines) {
      if (line.startsWith(AGENT_FAILED) || line.startsWith(AGENT_STOPPED)) {
        throw new BadInputException("JVM " + target.describe() + ": the Heapwise agent "
            + (line.startsWith(AGENT_FAILED) ? "could not start: " + line.substring(AGENT_FAILED.length())
                : "stopped: " + line.substring(AGENT_STOPPED.length())));
      }
    }
  }

  private List<String> newLogLines() {
    List<String> lines = new ArrayList<>();
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      if (file.length() <= logRead) {
        return lines;
      }
      byte[] bytes = new byte[(int) (file.length() - logRead)];
      file.seek(logRead);
      file.readFully(bytes);
      int end = lastNewline(bytes);
      logRead += end;
      new String(bytes, 0, end, StandardCharsets.UTF_8).lines().forEach(lines::add);
    } catch (IOException e) {
      // The agent has not written anything yet, or the file went away: there is nothing to pass on.
    }
    return lines;
  }

  /** Only whole lines are passed on; a line being written is read on the next poll. */
  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }

  private static void sleep() throws BadInputException {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadInputException("interrupted while recording", e);
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // A few lines left in the temporary directory.
    }
  }
}
