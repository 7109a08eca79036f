// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.cli.render.SourceSnippets.Snippet;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source lines found where javac expects them, in directories and source jars, cut at the file's ends. */
class SourceSnippetsTest {

  /** Ten lines, {@code line 1} to {@code line 10}. */
  private static final String TEN_LINES = IntStream.rangeClosed(1, 10).mapToObj(i -> "line " + i)
      .collect(Collectors.joining("\n", "", "\n"));

  @TempDir
  Path dir;

  @Test
  void linesAroundTheSiteCutAtTheFilesEnds() throws Exception {
    Files.createDirectories(dir.resolve("com/acme"));
    Files.writeString(dir.resolve("com/acme/Book.java"), TEN_LINES);
    SourceSnippets sources = SourceSnippets.of(List.of(dir));

    Snippet middle = sources.around("com.acme.Book", 5, 2).orElseThrow();
    assertThat(middle.firstLine()).isEqualTo(3);
    assertThat(middle.lines()).containsExactly("line 3", "line 4", "line 5", "line 6", "line 7");
    assertThat(middle.path()).isEqualTo(dir.resolve("com/acme/Book.java").toString());

    assertThat(sources.around("com.acme.Book", 1, 4).orElseThrow().lines()).hasSize(5).startsWith("line 1");
    assertThat(sources.around("com.acme.Book", 10, 4).orElseThrow().lines()).hasSize(5).endsWith("line 10");
    assertThat(sources.around("com.acme.Book", 11, 4)).as("past the end: another version of the file").isEmpty();
    assertThat(sources.around("com.acme.Book$Page", 2, 0).orElseThrow().lines()).containsExactly("line 2");
    assertThat(sources.around("com.acme.Ledger", 2, 0)).isEmpty();
  }

  @Test
  void sourceJarsAreReadAndUnreadableRootsSkipped() throws Exception {
    Path jar = dir.resolve("acme-sources.jar");
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("com/acme/Book.java"));
      zip.write(TEN_LINES.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    Path broken = Files.writeString(dir.resolve("broken.jar"), "PK not really");

    SourceSnippets sources = SourceSnippets.of(List.of(dir.resolve("nowhere"), broken, jar));

    Snippet snippet = sources.around("com.acme.Book", 7, 1).orElseThrow();
    assertThat(snippet.path()).isEqualTo(jar + "!/com/acme/Book.java");
    assertThat(snippet.lines()).containsExactly("line 6", "line 7", "line 8");
    assertThat(SourceSnippets.NONE.around("com.acme.Book", 7, 1)).isEmpty();
  }

  @Test
  void latin1SourcesStillShow() throws Exception {
    Files.write(dir.resolve("Cafe.java"), "// na\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
    Snippet snippet = SourceSnippets.of(List.of(dir)).around("Cafe", 1, 0).orElseThrow();
    assertThat(snippet.lines()).containsExactly("// na\u00efve");
  }
}
