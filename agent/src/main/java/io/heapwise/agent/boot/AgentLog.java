// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where the agent's few lines go: stderr, stdout, nowhere, or appended to a file. Never throws. */
public final class AgentLog {

  private static final String PREFIX = "[heapwise] ";
  private static final String SUFFIX = "; the application runs without profiling";

  private final String target;
  private final Path file;

  private AgentLog(String target, Path file) {
    this.target = target;
    this.file = file;
  }

  /** A log for the {@code log=} option value: {@code stderr}, {@code stdout}, {@code none} or a file path. */
  public static AgentLog to(String target) {
    return switch (target) {
      case "stderr", "stdout", "none" -> new AgentLog(target, null);
      default -> new AgentLog("file", Path.of(target).toAbsolutePath().normalize());
    };
  }

  /** The file this log appends to, or null when it writes to a standard stream or nowhere. */
  public Path file() {
    return file;
  }

  public void info(String message) {
    write(PREFIX + message);
  }

  /** The agent could not start; the one line says why. */
  public void disabled(String problem) {
    write(PREFIX + "agent disabled: " + problem + SUFFIX);
  }

  /** The agent failed after it started and has turned itself off. */
  public void stopped(String problem) {
    write(PREFIX + "agent stopped: " + problem + SUFFIX);
  }

  private void write(String line) {
    try {
      switch (target) {
        // Looked up on every line, not cached: the application may have replaced the stream on purpose.
        case "stderr" -> System.err.println(line);
        case "stdout" -> System.out.println(line);
        case "none" -> { }
        default -> Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      }
    } catch (IOException | RuntimeException e) {
      // Nowhere left to report to, and the application must not notice.
    }
  }
}
