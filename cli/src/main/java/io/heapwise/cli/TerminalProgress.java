// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.ReadProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line {@code reading app.jfr [#######.............]  35%  350 of 1,000 MB  92 MB/s  0:07 left} display for
 * large recordings, redrawn in place. Quiet when nobody watches (logs would fill with carriage returns) and for small
 * files (they read in a blink).
 */
final class TerminalProgress implements ReadProgress, AutoCloseable {

  /** Below this a recording reads in a fraction of a second; a progress line would only flicker. */
  static final long MIN_BYTES = 8L * 1024 * 1024;

  private static final double MB = 1024.0 * 1024.0;
  private static final int BAR_WIDTH = 20;
  /** A rate over less time than this is noise: the first chunks include the JVM warming up. */
  private static final long MIN_RATE_NANOS = 500_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final LongSupplier nanoTime;
  private int lastPercent = -1;
  private Path lastFile;
  private long fileStartNanos;
  private int drawnWidth;

  TerminalProgress(PrintWriter err, boolean enabled) {
    this(err, enabled, System::nanoTime);
  }

  TerminalProgress(PrintWriter err, boolean enabled, LongSupplier nanoTime) {
    this.err = err;
    this.enabled = enabled;
    this.nanoTime = nanoTime;
  }

  // Called by the thread that collects the chunks, which several threads read.
  @Override
  public synchronized void update(Path file, long bytesRead, long totalBytes) {
    if (!enabled || totalBytes < MIN_BYTES) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (!file.equals(lastFile)) {
      lastFile = file;
      lastPercent = -1;
      fileStartNanos = now;
    }
    int percent = (int) Math.min(100, bytesRead * 100 / totalBytes);
    if (percent == lastPercent) {
      return;
    }
    lastPercent = percent;
    String line = line(file, bytesRead, totalBytes, now - fileStartNanos);
    err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
    err.flush();
    drawnWidth = Math.max(drawnWidth, line.length());
  }

  static String line(Path file, long bytesRead, long totalBytes, long elapsedNanos) {
    int percent = (int) Math.min(100, bytesRead * 100 / totalBytes);
    int filled = percent * BAR_WIDTH / 100;
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "reading %s [%s%s] %3d%%  %,.0f of %,.0f MB",
        file.getFileName(), "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), percent, bytesRead / MB,
        totalBytes / MB));
    if (elapsedNanos >= MIN_RATE_NANOS && bytesRead > 0) {
      double bytesPerSecond = bytesRead * 1e9 / elapsedNanos;
      long secondsLeft = Math.round((totalBytes - bytesRead) / bytesPerSecond);
      line.append(String.format(Locale.ROOT, "  %,.0f MB/s  %d:%02d left", bytesPerSecond / MB, secondsLeft / 60,
          secondsLeft % 60));
    }
    return line.toString();
  }

  /** Clears the line so the report or the next message starts on a clean line. */
  @Override
  public synchronized void close() {
    if (drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
    }
  }
}
