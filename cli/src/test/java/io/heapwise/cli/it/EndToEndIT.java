// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.SiteSummary;
import io.heapwise.analyzer.report.ThreadTotal;
import io.heapwise.analyzer.testing.ForkedJvm;
import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.SampleRecording;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The foundation's promises, each on a real sample in a forked JVM of the JDK under test (CI runs this suite on
 * Java 17 and on Java 25), analyzed by the built {@code heapwise.jar}.
 */
class EndToEndIT {

  private static final String ORDER_BOOK = "io.heapwise.samples.unsized.OrderBook";
  private static final String REQUEST_LOOP = "io.heapwise.samples.pooling.RequestHandlerLoop";
  /** Small enough that a few seconds of the sample see many young collections. */
  private static final String SMALL_HEAP = "-Xmx64m";

  @Test
  void agentRecordingTopSiteIsThePlantedLineAndEveryCollectionIsCounted() throws Exception {
    Path dir = TestEnvironment.workDir("EndToEndIT-agent");
    SampleRecording recording = SampleRecording.withAgent(Heapwise.agentJar(), ORDER_BOOK,
        "include=io.heapwise.samples", 4, dir, SMALL_HEAP);
    Report report = Heapwise.analyzeJson(dir, recording.jfr());

    assertTopSiteIsPlanted(report, PlantedSite.of(ORDER_BOOK));
    assertCollectionsMatchJfrSummary(dir, recording.jfr(), report);
    // The agent's heapwise.Session event reached the analyzer: agent and analyzer agree on its name and fields.
    assertThat(report.recording().applicationPackages()).containsExactly("io.heapwise.samples");
    assertThat(report.recording().agentVersion()).isNotBlank();
    // The agent embedded the application's class files: the constructor line is found without --classpath.
    Finding unsized = report.findings().stream().filter(f -> f.kind() == FindingKind.UNSIZED_COLLECTION)
        .findFirst().orElseThrow(() -> new AssertionError("no UNSIZED_COLLECTION in " + report.findings()));
    assertThat(unsized.site().line()).isEqualTo(PlantedSite.constructorLine(ORDER_BOOK));
    assertThat(report.undecided()).noneMatch(line -> line.contains("no class files"));
    Report narrowed = Heapwise.analyzeJson(dir, recording.jfr(), "--app-package", "io.heapwise.samples.unsized");
    assertThat(narrowed.recording().applicationPackages()).containsExactly("io.heapwise.samples.unsized");
  }

  @Test
  void plainJdkProfileRecordingAnalyzesTheSameWay() throws Exception {
    Path dir = TestEnvironment.workDir("EndToEndIT-profile");
    SampleRecording recording = SampleRecording.withJdkSettings(ORDER_BOOK, "profile", 4, dir, SMALL_HEAP);
    Report report = Heapwise.analyzeJson(dir, recording.jfr());

    assertTopSiteIsPlanted(report, PlantedSite.of(ORDER_BOOK));
    assertCollectionsMatchJfrSummary(dir, recording.jfr(), report);
    assertThat(report.recording().agentVersion()).isNull();
    assertThat(report.recording().applicationPackages()).isEmpty();
  }

  @Test
  void sampledBytesAgreeWithTheThreadsExactAllocationCounter() throws Exception {
    Path dir = TestEnvironment.workDir("EndToEndIT-accuracy");
    SampleRecording recording = SampleRecording.withAgent(Heapwise.agentJar(), REQUEST_LOOP,
        "include=io.heapwise.samples", 5, dir);
    Report report = Heapwise.analyzeJson(dir, recording.jfr());
    long exact = recording.sample().allocatedBytes();

    SiteSummary top = report.sites().get(0);
    assertTopSiteIsPlanted(report, PlantedSite.of(REQUEST_LOOP));
    ThreadTotal worker = report.threads().stream()
        .filter(t -> t.thread().equals(recording.sample().thread())).findFirst().orElseThrow();
    // The recording spans a little more than the sample's measured loop (JVM start-up, setup, exit), so the
    // sampled figures may run slightly above the exact counter, never far from it.
    assertThat(ratio(worker.bytes(), exact)).as("thread bytes %,d vs exact %,d", worker.bytes(), exact)
        .isBetween(0.75, 1.25);
    // The planted site is nearly all of the loop's allocation, so it alone must match the counter too.
    assertThat(ratio(top.bytes(), exact)).as("planted site bytes %,d vs exact %,d", top.bytes(), exact)
        .isBetween(0.75, 1.25);
  }

  @Test
  void textReportShowsTheGcSummarySitesAndFindings() throws Exception {
    Path dir = TestEnvironment.workDir("EndToEndIT-text");
    SampleRecording recording = SampleRecording.withJdkSettings(ORDER_BOOK, "default", 3, dir, SMALL_HEAP);
    PlantedSite planted = PlantedSite.of(ORDER_BOOK);
    ForkedJvm.Result result = Heapwise.run(dir, "analyze", recording.jfr().toString(), "--top", "3")
        .assertSuccess();
    assertThat(result.stdout()).contains("Garbage collection", "Top allocation sites", "Findings",
        "OrderBook.match(OrderBook.java:" + planted.line() + ")", "ArrayList.grow", "GC_PRESSURE:recording");
    assertThat(result.stdout().indexOf("Garbage collection"))
        .isLessThan(result.stdout().indexOf("Top allocation sites"));
    assertThat(result.stderr()).isEmpty();
  }

  private static double ratio(double measured, double exact) {
    return measured / exact;
  }

  static void assertTopSiteIsPlanted(Report report, PlantedSite planted) {
    assertThat(report.sites()).as("sites of %s", report.recording().files()).isNotEmpty();
    SiteSummary top = report.sites().get(0);
    assertThat(top.className() + "." + top.method() + ":" + top.line())
        .as("top site (%s), expected the planted %s", top.location(), planted)
        .isEqualTo(planted.className() + "." + planted.method() + ":" + planted.line());
  }

  private static void assertCollectionsMatchJfrSummary(Path dir, Path jfr, Report report) throws Exception {
    Map<String, Long> counts = Heapwise.jfrSummary(dir, jfr);
    long collections = counts.getOrDefault("jdk.GarbageCollection", 0L);
    assertThat(collections).as("the sample must trigger collections for this test to mean anything").isPositive();
    assertThat(report.gc().collections()).isEqualTo(collections);
  }
}
