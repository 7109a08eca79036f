// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.bytecode.ClassFiles;
import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.SampleRecording;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** UNSIZED_COLLECTION on real recordings of the order book (planted) and its presized twin. */
class UnsizedCollectionDetectorIT {

  private static final String PLANTED = "io.heapwise.samples.unsized.OrderBook";
  private static final String TWIN = "io.heapwise.samples.unsized.PresizedOrderBook";

  private static ClassFiles classFiles;
  private static Path planted;
  private static Path twin;
  private static Path withTlabEvents;

  @BeforeAll
  static void record() throws Exception {
    Path dir = TestEnvironment.workDir("UnsizedCollectionDetectorIT");
    planted = SampleRecording.withJdkSettings(PLANTED, "profile", 3, dir, "-Xmx64m").jfr();
    twin = SampleRecording.withJdkSettings(TWIN, "profile", 3, dir, "-Xmx64m").jfr();
    // The JDK's profile settings plus the TLAB events, whose exact sizes give the capacity without estimating.
    String profile = Files.readString(TestEnvironment.javaHome().resolve("lib/jfr/profile.jfc"));
    String tlab = profile.replaceAll(
        "(<event name=\"jdk\\.ObjectAllocation(?:InNewTLAB|OutsideTLAB)\">\\s*<setting name=\"enabled\"[^>]*>)false",
        "$1true");
    assertThat(tlab).isNotEqualTo(profile);
    Path tlabSettings = Files.writeString(dir.resolve("profile-tlab.jfc"), tlab);
    Path tlabDir = Files.createDirectories(dir.resolve("tlab"));
    withTlabEvents = SampleRecording.withJdkSettings(PLANTED, tlabSettings.toString(), 3, tlabDir, "-Xmx64m").jfr();
    classFiles = ClassFiles.open(List.of(TestEnvironment.samplesClassPath()));
  }

  @AfterAll
  static void close() throws Exception {
    classFiles.close();
  }

  /** With class files the site is the line to change: the {@code new ArrayList<>()}, not the growing add. */
  @Test
  void withClassFilesTheFindingIsAtTheDefaultCapacityConstructor() throws Exception {
    PlantedSite site = PlantedSite.of(PLANTED);
    int constructorLine = PlantedSite.constructorLine(PLANTED);
    Report report = analyze(planted, classFiles);
    Finding finding = only(report);
    assertThat(finding.site().className()).isEqualTo(site.className());
    assertThat(finding.site().method()).isEqualTo(site.method());
    assertThat(finding.site().line()).isEqualTo(constructorLine);
    assertThat(finding.site().allocatedType()).isEqualTo("java.util.ArrayList");
    assertThat(finding.id()).isEqualTo("UNSIZED_COLLECTION:" + PLANTED + ".match:" + constructorLine);
    assertThat(finding.evidence()).containsKeys("collectionType", "growthBytesPerSecond", "growthShareOfAllocation",
        "growthShareOfLine", "samples", "growthAllocations", "growthLine", "constructor",
        "suggestedCapacity", "capacityFrom", "measuredBy");
    assertThat((String) finding.evidence().get("growthLine")).endsWith("OrderBook.java:" + site.line() + ")");
    assertThat((double) finding.evidence().get("growthShareOfAllocation")).isGreaterThan(0.3);
    assertThat(finding.recommendation()).contains("new ArrayList<>(", "OrderBook.java:" + constructorLine);
    assertThat(finding.estimatedSaving().bytesPerSecond()).isPositive();
    assertThat(finding.estimatedSaving().shareOfAllocation()).isBetween(0.2, 1.0);
    // The 24-byte ArrayList objects get a handful of samples next to their arrays: an estimate needs ten of them,
    // else the capacity is unknown and the finding says why. The sample's fills: 369 per order, at most 839.
    String from = (String) finding.evidence().get("capacityFrom");
    if (finding.evidence().get("suggestedCapacity") instanceof Long capacity) {
      assertThat(from).startsWith("estimate:");
      assertThat(capacity).isBetween(100L, 5_000L);
      assertThat(finding.confidence()).isEqualTo(Confidence.MEDIUM);
    } else {
      assertThat(finding.evidence().get("suggestedCapacity")).isEqualTo("unknown");
      assertThat(from).startsWith("unknown: only").contains("ArrayList objects at line " + constructorLine);
      assertThat(finding.recommendation()).contains("new ArrayList<>(expectedSize)");
      assertThat(finding.confidence()).isEqualTo(Confidence.LOW);
    }
    assertThat(report.undecided()).noneMatch(line -> line.startsWith("UNSIZED_COLLECTION"));
  }

  @Test
  void exactSizesFromTlabEventsGiveTheCapacityWithHighConfidence() throws Exception {
    Report report = analyze(withTlabEvents, classFiles);
    Finding finding = only(report);
    assertThat(finding.site().line()).isEqualTo(PlantedSite.constructorLine(PLANTED));
    assertThat((String) finding.evidence().get("capacityFrom")).startsWith("exact:");
    // At most 839 fills per order in this sample: the last growth is to 823 or 1,234 elements.
    assertThat((long) finding.evidence().get("suggestedCapacity")).isBetween(500L, 1_500L);
    assertThat(finding.confidence()).isEqualTo(Confidence.HIGH);
  }

  @Test
  void withoutClassFilesTheFindingIsAtTheGrowingLineAndSaysWhatWasNotChecked() throws Exception {
    PlantedSite site = PlantedSite.of(PLANTED);
    Report report = analyze(planted, ClassFiles.NONE);
    Finding finding = only(report);
    assertThat(finding.site().line()).isEqualTo(site.line());
    assertThat(finding.site().method()).isEqualTo(site.method());
    assertThat(finding.estimatedSaving().bytesPerSecond()).isPositive();
    assertThat(finding.confidence()).isEqualTo(Confidence.LOW);
    // The recording alone hints at the constructor: the ArrayList objects themselves were sampled there.
    if (finding.evidence().containsKey("collectionObjectsSampledAt")) {
      assertThat(finding.evidence().get("collectionObjectsSampledAt"))
          .isEqualTo("OrderBook.java:" + PlantedSite.constructorLine(PLANTED));
    }
    assertThat(report.undecided()).anySatisfy(line -> assertThat(line)
        .startsWith("UNSIZED_COLLECTION: no class files for " + PLANTED)
        .contains("OrderBook.java:" + site.line(), "--classpath"));
  }

  /**
   * OrderBook's decoys: a map of resting orders filled once when the book opens (it grows, at start-up only) and
   * an unsized list on a path taken by one order in 38,000. No detector may flag either.
   */
  @Test
  void decoysAreNotFlaggedByAnyDetector() throws Exception {
    Report report = new Analyzer(Detectors.all())
        .analyze(List.of(planted), AnalysisOptions.defaults().withClassFiles(classFiles));
    assertThat(report.findings()).extracting(f -> f.site().method())
        .doesNotContain("index", "reportLargeSweep", "<init>");
    assertThat(report.findings()).filteredOn(f -> f.kind() != FindingKind.GC_PRESSURE)
        .allSatisfy(f -> assertThat(f.site().method()).isEqualTo("match"));
  }

  @Test
  void thePresizedTwinHasNoFinding() throws Exception {
    assertThat(analyze(twin, classFiles).findings()).noneMatch(f -> f.kind() == FindingKind.UNSIZED_COLLECTION);
    assertThat(analyze(twin, ClassFiles.NONE).findings())
        .noneMatch(f -> f.kind() == FindingKind.UNSIZED_COLLECTION);
  }

  private static Report analyze(Path jfr, ClassFiles files) throws Exception {
    return new Analyzer(new Detectors(List.of(new UnsizedCollectionDetector())))
        .analyze(List.of(jfr), AnalysisOptions.defaults().withClassFiles(files));
  }

  private static Finding only(Report report) {
    List<Finding> findings = report.findings().stream()
        .filter(f -> f.kind() == FindingKind.UNSIZED_COLLECTION).toList();
    assertThat(findings).hasSize(1);
    return findings.get(0);
  }
}
