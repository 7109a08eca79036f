// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that readers see the old content or the new one, never half of it: a CI step that reads a report
 * while another run writes it, a monitor reading the agent's {@code report-file} as it is replaced, or two CLIs
 * extracting the same agent jar at once.
 */
public final class AtomicFiles {

  /** Writes the text content of a file. */
  @FunctionalInterface
  public interface TextContent {
    void writeTo(Writer out) throws IOException;
  }

  private AtomicFiles() {
  }

  /** Writes text as UTF-8. */
  public static void writeText(Path target, TextContent content) throws IOException {
    writeBytes(target, bytes -> {
      Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
      content.writeTo(out);
      // Flushed, not closed: writeBytes closes the stream under it.
      out.flush();
    });
  }

  /** Writes the bytes of a file. */
  @FunctionalInterface
  public interface ByteContent {
    void writeTo(OutputStream out) throws IOException;
  }

  public static void writeBytes(Path target, ByteContent content) throws IOException {
    Path temp = tempBeside(target);
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
        content.writeTo(out);
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  public static void copy(InputStream in, Path target) throws IOException {
    writeBytes(target, in::transferTo);
  }

  /** In the target's directory, because a move across file systems is a copy and not atomic. */
  private static Path tempBeside(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    return Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
