// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heapwise.analyzer.testing.ForkedJvm;
import io.heapwise.analyzer.testing.SampleRecording;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input through the real command line: one line on stderr naming the file, exit code 2, no stack trace. */
class BadInputIT {

  private static Path dir;

  @BeforeAll
  static void setUp() {
    dir = TestEnvironment.workDir("BadInputIT");
  }

  @Test
  void missingFile() throws Exception {
    assertOneLineError(dir.resolve("missing.jfr"), "no such file");
  }

  @Test
  void notAJfrFile() throws Exception {
    Path text = Files.writeString(dir.resolve("gc.log.jfr"), "[0.005s][info][gc] Using G1\n",
        StandardCharsets.UTF_8);
    assertOneLineError(text, "not a JFR recording");
  }

  @Test
  void emptyFile() throws Exception {
    assertOneLineError(Files.write(dir.resolve("empty.jfr"), new byte[0]), "empty file");
  }

  @Test
  void truncatedRecording() throws Exception {
    Path jfr = SampleRecording.withJdkSettings("io.heapwise.samples.unsized.OrderBook", "default", 1, dir).jfr();
    byte[] bytes = Files.readAllBytes(jfr);
    Path cut = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
    assertOneLineError(cut, "truncated recording");
  }

  @Test
  void unknownOptionIsAUsageError() throws Exception {
    ForkedJvm.Result result = Heapwise.run(dir, "analyze", "--frobnicate", "x.jfr");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).startsWith("heapwise: ").contains("--frobnicate").doesNotContain("\tat ");
  }

  @Test
  void openWithAnotherFormatAndMissingSourcesAreRefusedBeforeReading() throws Exception {
    ForkedJvm.Result open = Heapwise.run(dir, "analyze", "--open", "--format", "json", "missing.jfr");
    ForkedJvm.Result sources = Heapwise.run(dir, "analyze", "--format", "html", "--sources", "no/such/dir",
        "missing.jfr");

    assertThat(open.exitCode()).isEqualTo(2);
    assertThat(open.stderrLines()).singleElement().asString().startsWith("heapwise: ")
        .contains("--open writes the HTML report, not json");
    assertThat(sources.exitCode()).isEqualTo(2);
    assertThat(sources.stderrLines()).singleElement().asString().contains("--sources no/such/dir");
  }

  @Test
  void everyCorpusFileIsAnalyzedOrRefusedCleanly() throws Exception {
    assumeTrue(TestEnvironment.corpus().isPresent(),
        "skipped: no corpus at " + System.getProperty("heapwise.test.corpus"));
    List<Path> files;
    try (Stream<Path> list = Files.list(TestEnvironment.corpus().get())) {
      files = list.filter(p -> p.toString().endsWith(".jfr")).sorted().toList();
    }
    for (Path file : files) {
      ForkedJvm.Result result = Heapwise.run(dir, "analyze", file.toString(), "--top", "3");
      assertThat(result.exitCode()).as("%s", result).isIn(0, 2);
      assertThat(result.stderr()).as("%s", result).doesNotContain("\tat ", "Exception in thread");
      for (String line : result.stderrLines()) {
        assertThat(line).as("%s", result).startsWith("heapwise: ").contains(file.toString());
      }
      if (result.exitCode() == 2) {
        assertThat(result.stderrLines()).as("%s", result).hasSize(1);
        assertThat(result.stdout()).isEmpty();
      } else {
        assertThat(result.stdout()).contains("Top allocation sites");
      }
    }
  }

  private static void assertOneLineError(Path file, String problem) throws IOException, InterruptedException {
    ForkedJvm.Result result = Heapwise.run(dir, "analyze", file.toString());
    assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
    assertThat(result.stderrLines()).as("%s", result).singleElement().asString()
        .startsWith("heapwise: " + file + ": ").contains(problem);
    assertThat(result.stdout()).isEmpty();
  }
}
