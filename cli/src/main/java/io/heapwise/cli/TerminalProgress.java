// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.ReadProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line {@code reading app.jfr  45% (45 of 100 MB)} display for large recordings, redrawn in place. Quiet
 * when nobody watches (logs would fill with carriage returns) and for small files (they read in a blink).
 */
final class TerminalProgress implements ReadProgress, AutoCloseable {

  /** Below this a recording reads in about a second; a progress line would only flicker. */
  static final long MIN_BYTES = 20L * 1024 * 1024;

  private static final double MB = 1024.0 * 1024.0;

  private final PrintWriter err;
  private final boolean enabled;
  private int lastPercent = -1;
  private Path lastFile;
  private int drawnWidth;

  TerminalProgress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  // The analyzer may report from several reading threads.
  @Override
  public synchronized void update(Path file, long bytesRead, long totalBytes) {
    if (!enabled || totalBytes < MIN_BYTES) {
      return;
    }
    int percent = (int) Math.min(100, bytesRead * 100 / totalBytes);
    if (percent == lastPercent && file.equals(lastFile)) {
      return;
    }
    lastPercent = percent;
    lastFile = file;
    String line = String.format(Locale.ROOT, "reading %s %3d%% (%.0f of %.0f MB)",
        file.getFileName(), percent, bytesRead / MB, totalBytes / MB);
    err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
    err.flush();
    drawnWidth = Math.max(drawnWidth, line.length());
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
