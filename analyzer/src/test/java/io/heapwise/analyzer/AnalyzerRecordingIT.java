// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.report.RatePoint;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import io.heapwise.analyzer.report.SiteSummary;
import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.SampleRecording;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analyzer on a real recording of the demo sample, made by the JDK's own {@code profile} settings. */
class AnalyzerRecordingIT {

  private static final String ORDER_BOOK = "io.heapwise.samples.unsized.OrderBook";

  private static Path dir;
  private static SampleRecording recording;
  private static Report report;

  @BeforeAll
  static void record() throws Exception {
    dir = TestEnvironment.workDir("AnalyzerRecordingIT");
    // A small heap so that the few seconds of the run see plenty of young collections.
    recording = SampleRecording.withJdkSettings(ORDER_BOOK, "profile", 3, dir, "-Xmx64m", "-XX:+UseG1GC");
    report = new Analyzer().analyze(List.of(recording.jfr()), AnalysisOptions.defaults());
  }

  @Test
  void topSiteIsThePlantedLine() throws Exception {
    PlantedSite planted = PlantedSite.of(ORDER_BOOK);
    SiteSummary top = report.sites().get(0);
    assertThat(top.className()).isEqualTo(planted.className());
    assertThat(top.method()).isEqualTo(planted.method());
    assertThat(top.line()).isEqualTo(planted.line());
    assertThat(top.mechanism()).isEqualTo("ArrayList.grow");
    assertThat(top.allocatedType()).isEqualTo("java.lang.Object[]");
    assertThat(top.share()).isGreaterThan(0.5);
    assertThat(top.frames()).anySatisfy(frame -> assertThat(frame).startsWith("java.util.ArrayList.grow(ArrayList.java:"));
    assertThat(top.frames()).last().asString().contains("OrderBook.java:" + planted.line());
  }

  @Test
  void countsEveryGarbageCollectionEventOnce() throws Exception {
    long events = 0;
    try (RecordingFile file = new RecordingFile(recording.jfr())) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (event.getEventType().getName().equals("jdk.GarbageCollection")) {
          events++;
        }
      }
    }
    assertThat(events).isPositive();
    assertThat(report.gc().collections()).isEqualTo(events);
    assertThat(report.gc().collectors()).contains("G1New");
    assertThat(report.gc().pauseP99Ms()).isBetween(0.0, report.gc().pauseMaxMs());
    assertThat(report.gc().heapUsedAfterGcAvgBytes()).isLessThan(report.gc().heapUsedBeforeGcAvgBytes());
  }

  @Test
  void sitesTypesThreadsAndTimelineAccountForTheSameBytes() {
    long total = report.gc().allocatedBytes();
    assertThat(report.sites()).isSortedAccordingTo((a, b) -> Long.compare(b.bytes(), a.bytes()));
    assertThat(report.sites().stream().mapToDouble(SiteSummary::share).sum()).isLessThanOrEqualTo(1.000001);
    double timelineBytes = report.allocationTimeline().stream()
        .mapToDouble(p -> p.bytesPerSecond() * p.intervalMillis() / 1000.0).sum();
    assertThat(timelineBytes).isCloseTo(total, within(total * 0.001));
    assertThat(report.allocationTimeline()).extracting(RatePoint::startEpochMillis).isSorted();
    assertThat(report.threads().get(0).thread()).isEqualTo(recording.sample().thread());
    assertThat(report.types().get(0).type()).isEqualTo("java.lang.Object[]");
    assertThat(report.recording().jdk()).startsWith(String.valueOf(TestEnvironment.javaFeatureVersion()));
    assertThat(report.recording().allocationSource()).isEqualTo("jdk.ObjectAllocationSample");
  }

  @Test
  void gcPressureNamesThePlantedSiteAsADriver() throws Exception {
    PlantedSite planted = PlantedSite.of(ORDER_BOOK);
    Finding pressure = report.findings().stream().filter(f -> f.kind() == FindingKind.GC_PRESSURE).findFirst()
        .orElseThrow();
    assertThat(pressure.id()).isEqualTo("GC_PRESSURE:recording");
    assertThat(pressure.evidence().get("collections")).isEqualTo(report.gc().collections());
    assertThat(pressure.recommendation()).contains("OrderBook.java:" + planted.line());
  }

  @Test
  void readsAGzippedRecordingTheSameAsThePlainOne() throws Exception {
    Path gz = dir.resolve("OrderBook-profile.jfr.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(recording.jfr(), out);
    }
    Report fromGzip = new Analyzer().analyze(List.of(gz), AnalysisOptions.defaults());
    assertThat(fromGzip.sites()).isEqualTo(report.sites());
    assertThat(fromGzip.gc()).isEqualTo(report.gc());
    assertThat(fromGzip.recording().files()).containsExactly(gz.toString());
  }

  @Test
  void concatenatedRecordingsAreOneProfile() throws Exception {
    Path twice = dir.resolve("OrderBook-twice.jfr");
    Files.write(twice, Files.readAllBytes(recording.jfr()));
    Files.write(twice, Files.readAllBytes(recording.jfr()), java.nio.file.StandardOpenOption.APPEND);
    Report doubled = new Analyzer().analyze(List.of(twice), AnalysisOptions.defaults());
    assertThat(doubled.gc().collections()).isEqualTo(2 * report.gc().collections());
    assertThat(doubled.gc().allocatedBytes()).isEqualTo(2 * report.gc().allocatedBytes());
    assertThat(doubled.sites().get(0).share()).isCloseTo(report.sites().get(0).share(), within(1e-9));
    assertThat(doubled.recording().problems()).isEmpty();
  }

  @Test
  void jsonReadsBackToTheSameReport() throws Exception {
    StringWriter json = new StringWriter();
    ReportJson.write(report, json);
    assertThat(json.toString()).contains("\"schema\" : \"heapwise-report/1\"", "\"class\" : \"" + ORDER_BOOK + "\"");
    assertThat(ReportJson.read(new StringReader(json.toString()))).isEqualTo(report);
  }
}
