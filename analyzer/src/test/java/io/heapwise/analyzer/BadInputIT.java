// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.testing.SampleRecording;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whatever a user points the analyzer at, the answer is one line that names the file and the problem. */
class BadInputIT {

  private static Path dir;
  private static byte[] recording;

  @BeforeAll
  static void record() throws Exception {
    dir = TestEnvironment.workDir("BadInputIT");
    Path jfr = SampleRecording.withJdkSettings("io.heapwise.samples.unsized.OrderBook", "default", 1, dir).jfr();
    recording = Files.readAllBytes(jfr);
  }

  @Test
  void missingFile() {
    assertUnreadable(dir.resolve("no-such.jfr"), "no such file");
  }

  @Test
  void directory() {
    assertUnreadable(dir, "is a directory");
  }

  @Test
  void emptyFile() throws Exception {
    assertUnreadable(write("empty.jfr", new byte[0]), "empty file (0 bytes)");
  }

  @Test
  void textFile() throws Exception {
    assertUnreadable(write("notes.jfr", "GC looked busy on Tuesday\n".getBytes(StandardCharsets.UTF_8)),
        "not a JFR recording", "text");
  }

  @Test
  void zipFile() throws Exception {
    Path zip = dir.resolve("recording.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("recording.jfr"));
      out.write(recording);
    }
    assertUnreadable(zip, "not a JFR recording", "zip");
  }

  @Test
  void truncatedRecording() throws Exception {
    Path cut = write("cut.jfr", Arrays.copyOf(recording, recording.length / 2));
    assertUnreadable(cut, "truncated recording", String.format("%,d", recording.length));
  }

  @Test
  void truncatedGzip() throws Exception {
    Path gz = dir.resolve("cut.jfr.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(recording);
    }
    byte[] compressed = Files.readAllBytes(gz);
    Path cut = write("cut.jfr.gz", Arrays.copyOf(compressed, compressed.length / 2));
    assertUnreadable(cut, "truncated recording");
  }

  @Test
  void aTruncatedLastChunkCostsOnlyThatChunk() throws Exception {
    Path file = write("one-and-a-half.jfr", recording);
    Files.write(file, Arrays.copyOf(recording, recording.length / 2), StandardOpenOption.APPEND);
    Report report = new Analyzer().analyze(List.of(file), AnalysisOptions.defaults());
    Report whole = new Analyzer().analyze(List.of(write("whole.jfr", recording)), AnalysisOptions.defaults());
    assertThat(report.sites()).isEqualTo(whole.sites());
    assertThat(report.recording().problems()).singleElement().asString()
        .startsWith(file + ": chunk 2 of 2: truncated recording")
        .contains("events read from this file in all")
        .doesNotContain("\n");
  }

  private static Path write(String name, byte[] content) throws Exception {
    return Files.write(dir.resolve(name), content);
  }

  private static void assertUnreadable(Path file, String... problem) {
    UnreadableRecordingException e = catchThrowableOfType(UnreadableRecordingException.class,
        () -> new Analyzer().analyze(List.of(file), AnalysisOptions.defaults()));
    assertThat(e).as("reading %s", file).isNotNull();
    assertThat(e.getMessage()).startsWith(file + ": ").contains(problem).doesNotContain("\n");
    assertThat(e.file()).isEqualTo(file);
  }
}
