// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The recording's countdown on one line of an interactive terminal, redrawn in place, and erased when the
 * recording ends so that the report starts on a clean line. Callers draw it only when the terminal is interactive.
 */
final class CountdownLine {

  private final PrintWriter err;
  private final String subject;
  private final String ctrlC;
  private int width;

  /**
   * @param subject what is recording, e.g. {@code recording JVM 4242}
   * @param ctrlC what Ctrl-C does, e.g. {@code Ctrl-C ends it early}; empty when it only kills the program
   */
  CountdownLine(PrintWriter err, String subject, String ctrlC) {
    this.err = err;
    this.subject = subject;
    this.ctrlC = ctrlC;
  }

  /** {@code recording JVM 4242: 12 s left, Ctrl-C ends it early}, or the time so far when there is no end. */
  void show(Duration elapsed, Duration left) {
    String time = left == null
        ? String.format(Locale.ROOT, "%d s", elapsed.toSeconds())
        : String.format(Locale.ROOT, "%d s left", Math.max(0, left.toSeconds()));
    String text = subject + ": " + time + (ctrlC.isEmpty() ? "" : ", " + ctrlC);
    synchronized (err) {
      // Padded to the longest line drawn so far: a shorter line must not leave the end of the last one behind.
      err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
      err.flush();
      width = Math.max(width, text.length());
    }
  }

  void clear() {
    synchronized (err) {
      if (width > 0) {
        err.print("\r" + " ".repeat(width) + "\r");
        err.flush();
        width = 0;
      }
    }
  }
}
