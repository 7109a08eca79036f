// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer;

import java.nio.file.Path;

/**
 * A recording from which nothing could be read. The message is one line for the user that names the file and
 * the problem, e.g. {@code app.jfr: not a JFR recording (starts with "PK\3\4", a zip file)}.
 */
public final class UnreadableRecordingException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public UnreadableRecordingException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public UnreadableRecordingException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
