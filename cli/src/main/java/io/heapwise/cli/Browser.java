// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens a page in the desktop's browser with the system's own opener: no AWT, whose start-up is slow and which a
 * headless JDK lacks.
 */
final class Browser {

  private Browser() {
  }

  /** Starts the browser and returns at once; when it cannot, says so on {@code err}: the page is written anyway. */
  static void open(Path page, PrintWriter err) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String url = page.toAbsolutePath().toUri().toString();
    List<String> command = os.contains("mac") ? List.of("open", url)
        : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
        : List.of("xdg-open", url);
    try {
      new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      err.println("heapwise: warning: cannot start a browser (" + command.get(0) + ": "
          + HeapwiseCli.oneLine(e.getMessage()) + "); open " + page.toAbsolutePath() + " yourself");
      err.flush();
    }
  }
}
