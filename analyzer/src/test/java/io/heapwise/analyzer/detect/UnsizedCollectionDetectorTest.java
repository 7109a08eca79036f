// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.ObjectModel;

import static io.heapwise.analyzer.model.TestProfiles.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.bytecode.ClassFiles;
import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The detector on hand-made profiles, with the samples' real class files where the bytecode matters. */
class UnsizedCollectionDetectorTest {

  private static final String BOOK = "io.heapwise.samples.unsized.OrderBook";
  private static final String PRESIZED = "io.heapwise.samples.unsized.PresizedOrderBook";
  private static final long MB = 1024 * 1024;

  private static ClassFiles samples;

  @BeforeAll
  static void open() throws Exception {
    samples = ClassFiles.open(List.of(TestEnvironment.samplesClassPath()));
  }

  @AfterAll
  static void close() throws Exception {
    samples.close();
  }

  @Test
  void aHashSetIsNamedFromTheFramesAboveTheMapsResize() {
    AllocationProfile profile = profile()
        .site("java.util.HashMap$Node[]", "HashMap.resize", 500 * MB, 300, "java.util.HashMap.resize",
            "java.util.HashMap.putVal", "java.util.HashMap.put", "java.util.HashSet.add", "com.acme.Index.build:42")
        .site("byte[]", null, 500 * MB, 300, "com.acme.Other.run:7")
        .build();
    Finding finding = only(analyze(profile, ClassFiles.NONE));
    assertThat(finding.evidence().get("collectionType")).isEqualTo("java.util.HashSet");
    assertThat(finding.site().line()).isEqualTo(42);
    assertThat(finding.recommendation()).contains("new HashSet<>((int) (expectedSize / 0.75f) + 1)");
  }

  /** The chain of collection frames stops at other code: the map grows inside a collector, not the list. */
  @Test
  void aMapGrownInsideACollectorOverAListIsTheMap() {
    AllocationProfile profile = profile()
        .site("java.util.HashMap$Node[]", "HashMap.resize", 500 * MB, 300, "java.util.HashMap.resize",
            "java.util.HashMap.computeIfAbsent", "java.util.stream.Collectors.lambda$groupingBy$53",
            "java.util.ArrayList.forEach", "com.acme.Report.byRegion:12")
        .build();
    assertThat(only(analyze(profile, ClassFiles.NONE)).evidence().get("collectionType"))
        .isEqualTo("java.util.HashMap");
  }

  @Test
  void coldGrowthIsNotReported() {
    AllocationProfile profile = profile()
        .site("java.lang.Object[]", "ArrayList.grow", MB, 30, "java.util.ArrayList.grow", "java.util.ArrayList.add",
            "com.acme.Book.match:61")
        .site("byte[]", null, 99 * MB, 300, "com.acme.Other.run:7")
        .build();
    assertThat(analyze(profile, ClassFiles.NONE).findings()).isEmpty();
  }

  /** The bytecode shows {@code new ArrayList<>(n)}: growth there is not a default-capacity problem. */
  @Test
  void aListConstructedWithACapacityIsNotUnsized() throws Exception {
    PlantedSite planted = PlantedSite.of(BOOK);
    AllocationProfile profile = profile()
        .site("java.lang.Object[]", "ArrayList.grow", 500 * MB, 300, "java.util.ArrayList.grow",
            "java.util.ArrayList.add", PRESIZED + ".match:" + planted.line())
        .build();
    assertThat(analyze(profile, samples).findings()).isEmpty();
  }

  @Test
  void exactSizesGiveTheCapacityAndTheConstructorLineIsTheSite() throws Exception {
    PlantedSite planted = PlantedSite.of(BOOK);
    int constructor = PlantedSite.constructorLine(BOOK);
    long largest = 16 + 4 * 549; // the 549-element array of a list grown past 366 elements
    AllocationProfile profile = profile().jdk("21.0.2")
        .site("java.lang.Object[]", "ArrayList.grow", 500 * MB, 300, List.of(56L, largest, 1_480L),
            "java.util.ArrayList.grow", "java.util.ArrayList.add", BOOK + ".match:" + planted.line())
        .build();
    Finding finding = only(analyze(profile, samples));
    assertThat(finding.site().line()).isEqualTo(constructor);
    assertThat(finding.evidence().get("suggestedCapacity")).isEqualTo(600L);
    assertThat(finding.recommendation())
        .startsWith("Presize it: `new ArrayList<>(600)` at OrderBook.java:" + constructor
            + " instead of `new ArrayList<>()`");
    assertThat(finding.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(finding.estimatedSaving().bytesPerSecond()).isCloseTo(500.0 * MB / 10 * 2 / 3, within(1.0));
  }

  /** 2,000 lists a second, each filled to 150: the growth per list inverts to the 163-element array it ends in. */
  @Test
  void withoutSizesTheCapacityIsEstimatedFromTheInstanceRate() throws Exception {
    PlantedSite planted = PlantedSite.of(BOOK);
    int constructor = PlantedSite.constructorLine(BOOK);
    long growthPerList = GrowthPolicy.ARRAY_LIST.growthBytes(150, ObjectModel.of(profile().build().vmSettings()));
    AllocationProfile profile = profile()
        .site("java.lang.Object[]", "ArrayList.grow", 20_000 * growthPerList, 300, "java.util.ArrayList.grow",
            "java.util.ArrayList.add", BOOK + ".match:" + planted.line())
        .site("java.util.ArrayList", null, 20_000 * 24, 60, BOOK + ".match:" + constructor)
        .build();
    Finding finding = only(analyze(profile, samples));
    assertThat(finding.evidence().get("collectionsPerSecond")).isEqualTo(2_000.0);
    assertThat(finding.evidence().get("suggestedCapacity")).isEqualTo(200L);
    assertThat((String) finding.evidence().get("capacityFrom")).startsWith("estimate:").contains("163 elements");
    assertThat(finding.confidence()).isEqualTo(Confidence.MEDIUM);
  }

  /** Three samples of the list objects could mean 20,000 or 1,500,000 lists a second: no capacity from them. */
  @Test
  void tooFewSamplesOfTheCollectionObjectsGiveNoCapacity() throws Exception {
    PlantedSite planted = PlantedSite.of(BOOK);
    int constructor = PlantedSite.constructorLine(BOOK);
    AllocationProfile profile = profile()
        .site("java.lang.Object[]", "ArrayList.grow", 500 * MB, 300, "java.util.ArrayList.grow",
            "java.util.ArrayList.add", BOOK + ".match:" + planted.line())
        .site("java.util.ArrayList", null, MB, 3, BOOK + ".match:" + constructor)
        .build();
    Finding finding = only(analyze(profile, samples));
    assertThat(finding.evidence().get("suggestedCapacity")).isEqualTo("unknown");
    assertThat((String) finding.evidence().get("capacityFrom")).startsWith("unknown: only 3 samples");
    assertThat(finding.recommendation()).contains("`new ArrayList<>(expectedSize)` at OrderBook.java:" + constructor);
    assertThat(finding.confidence()).isEqualTo(Confidence.LOW);
  }

  @Test
  void withoutClassFilesTheGrowingLineIsReportedAndTheConstructorIsUndecided() {
    AllocationProfile profile = profile()
        .site("java.lang.Object[]", "ArrayList.grow", 500 * MB, 300, "java.util.ArrayList.grow",
            "java.util.ArrayList.add", "com.acme.Book.match:61")
        .build();
    Report report = analyze(profile, ClassFiles.NONE);
    assertThat(only(report).site().line()).isEqualTo(61);
    assertThat(only(report).evidence().get("suggestedCapacity")).isEqualTo("unknown");
    assertThat(only(report).confidence()).isEqualTo(Confidence.LOW);
    assertThat(report.undecided()).containsExactly("UNSIZED_COLLECTION: no class files for com.acme.Book: the"
        + " constructor line of the ArrayList grown at Book.java:61, and whether it is really made at default"
        + " capacity, could not be checked: pass --classpath");
  }

  /** 120 lists measured: median 370, p90 555 (in the bucket ending at 640), max 839. */
  private static final String MEASURED_LISTS = "0:3,320:10,384:60,448:30,640:15,896:2";

  /** Measured sizes win over exact TLAB sizes: they are the collections' own sizes, not their largest array. */
  @Test
  void measuredSizesGiveTheCapacityBeforeExactSizes() throws Exception {
    PlantedSite planted = PlantedSite.of(BOOK);
    int constructor = PlantedSite.constructorLine(BOOK);
    AllocationProfile profile = profile().jdk("21.0.2")
        .site("java.lang.Object[]", "ArrayList.grow", 500 * MB, 300, List.of(56L, 16L + 4 * 549),
            "java.util.ArrayList.grow", "java.util.ArrayList.add", BOOK + ".match:" + planted.line())
        .collectionSizes(new Frame(BOOK, "match", constructor, -1, true), "java.util.ArrayList", MEASURED_LISTS, 839)
        .build();
    Finding finding = only(analyze(profile, samples));
    assertThat(finding.evidence().get("capacityFrom")).isEqualTo("measured: 120 ArrayLists sized when their method"
        + " returned: median 370, p90 555, max 839 elements; 640 holds 90% of them");
    assertThat(finding.evidence()).containsEntry("suggestedCapacity", 800L).containsEntry("measuredCollections", 120L)
        .containsEntry("measuredSizeMedian", 370L).containsEntry("measuredSizeP90", 555L)
        .containsEntry("measuredSizeMax", 839L);
    assertThat(finding.recommendation()).startsWith("Presize it: `new ArrayList<>(800)` at OrderBook.java:"
        + constructor + " instead of `new ArrayList<>()`");
    assertThat(finding.confidence()).isEqualTo(Confidence.HIGH);
  }

  /** The agent measures only default-capacity constructions: its site is the line to change, class files or not. */
  @Test
  void withoutClassFilesTheMeasuredConstructorIsTheSite() {
    AllocationProfile profile = profile()
        .site("java.lang.Object[]", "ArrayList.grow", 500 * MB, 300, "java.util.ArrayList.grow",
            "java.util.ArrayList.add", "com.acme.Book.match:61")
        .collectionSizes(new Frame("com.acme.Book", "match", 58, -1, true), "java.util.ArrayList", MEASURED_LISTS, 839)
        .build();
    Report report = analyze(profile, ClassFiles.NONE);
    Finding finding = only(report);
    assertThat(finding.id()).isEqualTo("UNSIZED_COLLECTION:com.acme.Book.match:58");
    assertThat((String) finding.evidence().get("constructor"))
        .startsWith("new ArrayList<>() at Book.java:58 (the agent");
    assertThat((String) finding.evidence().get("capacityFrom")).startsWith("measured: 120 ArrayLists");
    assertThat(finding.recommendation()).startsWith("Presize it: `new ArrayList<>(800)` at Book.java:58");
    assertThat(finding.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(report.undecided()).isEmpty();
  }

  /** Nine in ten fit the default capacity: a larger one would only waste memory on them. */
  @Test
  void whenMostMeasuredCollectionsFitTheDefaultCapacityNoNumberIsSuggested() {
    AllocationProfile profile = profile()
        .site("java.lang.Object[]", "ArrayList.grow", 500 * MB, 300, "java.util.ArrayList.grow",
            "java.util.ArrayList.add", "com.acme.Book.match:61")
        .collectionSizes(new Frame("com.acme.Book", "match", 58, -1, true), "java.util.ArrayList",
            "1:50,4:30,8:15,640:5", 600)
        .build();
    Finding finding = only(analyze(profile, ClassFiles.NONE));
    assertThat(finding.evidence().get("suggestedCapacity")).isEqualTo("unknown");
    assertThat((String) finding.evidence().get("capacityFrom")).endsWith("90% fit the default capacity (10), so the"
        + " growth comes from the largest");
    assertThat(finding.recommendation()).contains("`new ArrayList<>(expectedSize)` at Book.java:58",
        "the largest reach 600 elements");
    assertThat(finding.confidence()).isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void tooFewMeasuredCollectionsGiveNoCapacityButStillNameTheConstructor() {
    AllocationProfile profile = profile()
        .site("java.lang.Object[]", "ArrayList.grow", 500 * MB, 300, "java.util.ArrayList.grow",
            "java.util.ArrayList.add", "com.acme.Book.match:61")
        .collectionSizes(new Frame("com.acme.Book", "match", 58, -1, true), "java.util.ArrayList", "640:5", 600)
        .build();
    Finding finding = only(analyze(profile, ClassFiles.NONE));
    assertThat(finding.site().line()).isEqualTo(58);
    assertThat((String) finding.evidence().get("capacityFrom"))
        .startsWith("unknown: only 5 measured ArrayLists (fewer than 20); ");
  }

  @Test
  void noAllocationEventsIsSaidNotSilent() {
    Report report = analyze(profile().build(), ClassFiles.NONE);
    assertThat(report.findings()).isEmpty();
    assertThat(report.undecided()).singleElement().asString().startsWith("UNSIZED_COLLECTION: the recording has no");
  }

  private static Report analyze(AllocationProfile profile, ClassFiles files) {
    return new Analyzer(new Detectors(List.of(new UnsizedCollectionDetector())))
        .report(profile, AnalysisOptions.defaults().withClassFiles(files));
  }

  private static Finding only(Report report) {
    assertThat(report.findings()).hasSize(1);
    return report.findings().get(0);
  }
}
