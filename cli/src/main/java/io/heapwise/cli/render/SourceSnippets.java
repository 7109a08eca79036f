// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The source lines around a code location, read from source directories ({@code src/main/java}) or source jars
 * ({@code app-sources.jar}), so that a report can show the line it asks the developer to change. A class is looked
 * for where {@code javac} expects it: its package as folders, then its outer class's simple name with
 * {@code .java}. Roots that cannot be read are skipped: a report without a snippet is still a report.
 */
public final class SourceSnippets {

  /** Finds nothing: for reports made without {@code --sources}. */
  public static final SourceSnippets NONE = new SourceSnippets(List.of());

  private final List<Path> roots;
  /** A report asks for the same few files again and again (one finding per site, several sites per file). */
  private final Map<String, Optional<Source>> files = new HashMap<>();

  private SourceSnippets(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  /** @param roots source directories and source jars or zips, searched in this order */
  public static SourceSnippets of(List<Path> roots) {
    return new SourceSnippets(roots);
  }

  /**
   * The lines {@code line - context} to {@code line + context} of the class's source file, cut at its ends; empty
   * when no root holds the file or the file is shorter than {@code line}.
   */
  public Optional<Snippet> around(String className, int line, int context) {
    if (className == null || className.isEmpty() || line < 1) {
      return Optional.empty();
    }
    return files.computeIfAbsent(SourceLocation.path(className), this::find).flatMap(source -> {
      if (line > source.lines().size()) {
        return Optional.empty();
      }
      int first = Math.max(1, line - context);
      int last = Math.min(source.lines().size(), line + context);
      return Optional.of(new Snippet(source.path(), first, source.lines().subList(first - 1, last)));
    });
  }

  private Optional<Source> find(String relativePath) {
    for (Path root : roots) {
      try {
        Optional<Source> found = Files.isDirectory(root) ? inDirectory(root, relativePath)
            : Files.isRegularFile(root) ? inArchive(root, relativePath) : Optional.empty();
        if (found.isPresent()) {
          return found;
        }
      } catch (IOException | RuntimeException e) {
        // Unreadable, or not a zip after all (ZipException, or IllegalArgumentException for a bad entry name):
        // the next root may still hold the file.
      }
    }
    return Optional.empty();
  }

  private static Optional<Source> inDirectory(Path root, String relativePath) throws IOException {
    Path file = root.resolve(relativePath);
    return Files.isRegularFile(file) ? Optional.of(new Source(file.toString(), lines(Files.readAllBytes(file))))
        : Optional.empty();
  }

  private static Optional<Source> inArchive(Path archive, String relativePath) throws IOException {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      ZipEntry entry = zip.getEntry(relativePath);
      if (entry == null || entry.isDirectory()) {
        return Optional.empty();
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return Optional.of(new Source(archive + "!/" + relativePath, lines(in.readAllBytes())));
      }
    }
  }

  /** UTF-8 as {@code javac} reads by default since Java 18; older sources in Latin-1 still show, not fail. */
  private static List<String> lines(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    return text.lines().toList();
  }

  private record Source(String path, List<String> lines) {
  }

  /**
   * Consecutive lines of a source file.
   *
   * @param path where the file was found: a file path, or {@code archive!/entry} inside a source jar
   * @param firstLine the 1-based number of {@code lines.get(0)}
   */
  public record Snippet(String path, int firstLine, List<String> lines) {

    public Snippet {
      lines = List.copyOf(lines);
    }
  }
}
