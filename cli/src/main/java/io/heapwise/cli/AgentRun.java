// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a JVM with the agent and waits for it, passing its output through line by line. Used by {@code record}
 * and {@code demo}; the recording itself is written by the agent in the child.
 */
final class AgentRun {

  /** After Ctrl-C the child gets the signal too; this is how long we wait for its agent to write the file. */
  private static final Duration WRITE_GRACE = Duration.ofSeconds(30);

  private final Terminal terminal;
  private final PrintWriter childOut;
  private final PrintWriter err;

  /**
   * @param childOut where the child's standard output goes ({@code record}: ours; {@code demo}: our stderr,
   *     because there the report is the output)
   */
  AgentRun(Terminal terminal, PrintWriter childOut, PrintWriter err) {
    this.terminal = terminal;
    this.childOut = childOut;
    this.err = err;
  }

  /**
   * Runs {@code command} and returns its exit code.
   *
   * @param countdown how long the recording runs, for a countdown on an interactive terminal; {@code null} for none
   */
  int run(List<String> command, Path workDir, Duration countdown) throws BadInputException {
    Process child;
    try {
      child = new ProcessBuilder(command)
          .directory(workDir.toFile())
          .redirectInput(ProcessBuilder.Redirect.INHERIT)
          .start();
    } catch (IOException e) {
      throw new BadInputException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    Thread hook = new Thread(() -> awaitQuietly(child), "heapwise-await-child");
    Runtime.getRuntime().addShutdownHook(hook);
    Thread outPump = pump(child.getInputStream(), childOut, "heapwise-child-stdout");
    Thread errPump = pump(child.getErrorStream(), err, "heapwise-child-stderr");
    Thread clock = countdown != null && terminal.interactive() ? countdown(countdown, child) : null;
    try {
      int code = child.waitFor();
      outPump.join();
      errPump.join();
      return code;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroy();
      throw new BadInputException("interrupted while waiting for " + command.get(0), e);
    } finally {
      if (clock != null) {
        clock.interrupt();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it waits for the child, which is what we want.
      }
    }
  }

  /** On Ctrl-C, keep this JVM alive until the child's agent has written the recording. */
  private static void awaitQuietly(Process child) {
    try {
      child.waitFor(WRITE_GRACE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread pump(InputStream in, PrintWriter to, String name) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
        String line;
        while ((line = reader.readLine()) != null) {
          synchronized (to) {
            to.println(line);
            to.flush();
          }
        }
      } catch (IOException e) {
        // The child closed its end: nothing more to pass on.
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private Thread countdown(Duration total, Process child) {
    long start = System.nanoTime();
    CountdownLine line = new CountdownLine(err, "recording", "");
    Thread thread = new Thread(() -> {
      try {
        while (child.isAlive()) {
          Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
          line.show(elapsed, total.minus(elapsed));
          Thread.sleep(1_000);
        }
      } catch (InterruptedException e) {
        // Done.
      } finally {
        line.clear();
      }
    }, "heapwise-countdown");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
