// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.UnreadableRecordingException;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chunk reader against the JDK's reader, event for event, on real recordings written by other tools and JDKs
 * ({@code ../shared/corpus}, see its SOURCES.md). Recordings made by the agent are compared in
 * {@link JfrChunkReaderConformanceIT}.
 */
class JfrChunkReaderConformanceTest {

  static Stream<Path> corpusFiles() throws IOException {
    return TestEnvironment.corpusRecordings();
  }

  @ParameterizedTest
  @MethodSource("corpusFiles")
  void everyChunkReadsAsTheJdkReadsIt(Path file) throws Exception {
    List<ChunkConformance.Outcome> outcomes;
    try {
      outcomes = ChunkConformance.compareFile(file);
    } catch (UnreadableRecordingException e) {
      // JRockit's format 0.9: the chunk scan refuses it before any reader sees it.
      assertThat(file.getFileName().toString()).startsWith("bad-jrockit");
      return;
    }
    outcomes.forEach(outcome -> System.out.println("conformance: " + outcome));
    boolean bad = file.getFileName().toString().startsWith("bad-");
    for (ChunkConformance.Outcome outcome : outcomes) {
      if (outcome.jdkFailure() == null || !bad) {
        assertThat(outcome.jdkFailure()).as(outcome.chunk()).isNull();
        assertThat(outcome.ourFailure()).as(outcome.chunk()).isNull();
        assertThat(outcome.ourEvents()).as(outcome.chunk()).isEqualTo(outcome.jdkEvents()).isPositive();
      }
    }
  }
}
