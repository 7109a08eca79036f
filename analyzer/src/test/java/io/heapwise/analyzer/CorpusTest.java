// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real recordings written by other tools and JDK versions ({@code ../shared/corpus}, see its SOURCES.md): every
 * one is either analyzed, with what could not be read listed as problems, or refused with one line.
 */
class CorpusTest {

  static Stream<Path> corpusFiles() throws IOException {
    return TestEnvironment.corpusRecordings();
  }

  @Test
  void corpusIsPresent() {
    assumeTrue(TestEnvironment.corpus().isPresent(),
        "skipped: no corpus at " + System.getProperty("heapwise.test.corpus") + " (../shared/corpus beside the checkout)");
  }

  @ParameterizedTest
  @MethodSource("corpusFiles")
  void everyFileIsAnalyzedOrRefusedInOneLine(Path file) throws Exception {
    Report report;
    try {
      report = new Analyzer().analyze(List.of(file), AnalysisOptions.defaults());
    } catch (UnreadableRecordingException e) {
      assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n");
      return;
    }
    assertThat(report.recording().eventsRead()).isPositive();
    assertThat(report.recording().problems()).allSatisfy(p -> assertThat(p).startsWith(file + ": ")
        .contains("events").doesNotContain("\n"));
    assertThat(ReportJson.read(new StringReader(ReportJson.toJson(report)))).isEqualTo(report);
  }

  @Test
  void asyncProfilerTlabRecordingHasSitesFromTlabEvents() throws Exception {
    Report report = analyze("ap2.9-jdk17-kafka-cpu_lock0_alloc0.jfr");
    assertThat(report.recording().eventsRead()).isEqualTo(13_093);
    assertThat(report.recording().allocationSource()).contains("jdk.ObjectAllocationInNewTLAB");
    assertThat(report.sites()).isNotEmpty();
    assertThat(report.sites().get(0).className()).startsWith("org.apache.kafka");
    assertThat(report.recording().jdk()).isEqualTo("17.0.7+7-LTS");
  }

  @Test
  void middleChunkTheJdkRejectsIsReadByTheChunkReader() throws Exception {
    // The JDK's reader stops at chunk 2's empty stack-trace pool (InternalError); Heapwise's reads its one event.
    Report report = analyze("bad-ap3.0-jfrsync-FastSlow.jfr");
    assertThat(report.recording().eventsRead()).isEqualTo(1_157 + 1 + 69);
    assertThat(report.recording().problems()).isEmpty();
  }

  @Test
  void jrockitRecordingIsRefusedByVersion() {
    Path file = corpusFile("bad-jrockit-R28.2-fmt0.9.jfr");
    UnreadableRecordingException e = catchThrowableOfType(UnreadableRecordingException.class,
        () -> new Analyzer().analyze(List.of(file), AnalysisOptions.defaults()));
    assertThat(e.getMessage()).contains("format 0.9", "JRockit");
  }

  @Test
  void truncatedCopyIsRefusedWithItsSizes() {
    Path file = corpusFile("derived-trunc-hs17-ddtrace-object-allocation-sample.first500000.jfr");
    UnreadableRecordingException e = catchThrowableOfType(UnreadableRecordingException.class,
        () -> new Analyzer().analyze(List.of(file), AnalysisOptions.defaults()));
    assertThat(e.getMessage()).contains("truncated recording", "500,000", "836,018");
  }

  @Test
  void jdk17AllocationSamplesGiveTheApplicationSiteAndGcSummary() throws Exception {
    Report report = analyze("hs17-ddtrace-object-allocation-sample.jfr");
    assertThat(report.recording().jdk()).isEqualTo("17.0.2+8-86");
    assertThat(report.sites().get(0).className()).isEqualTo("sh.platform.App$MyHandler");
    assertThat(report.gc().collections()).isEqualTo(114);
  }

  private static Report analyze(String name) throws UnreadableRecordingException {
    return new Analyzer().analyze(List.of(corpusFile(name)), AnalysisOptions.defaults());
  }

  private static Path corpusFile(String name) {
    Optional<Path> corpus = TestEnvironment.corpus();
    assumeTrue(corpus.isPresent(), "skipped: no corpus at " + System.getProperty("heapwise.test.corpus"));
    return corpus.get().resolve(name);
  }
}
