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
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.model.TestProfiles;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HOT_SHORT_LIVED and POOLING_CANDIDATE when the agent measured lifetimes ({@code heapwise.SiteLifetimes}). */
class MeasuredLifetimesDetectorsTest {

  private static final long MB = 1024 * 1024;
  private static final Frame QUOTE = TestProfiles.line("quote", 41);
  private static final Frame BUFFER_LINE =
      new Frame("io.heapwise.samples.pooling.RequestHandlerLoop", "handle", 44, -1, true);
  private static final String QUOTE_TYPE = "com.acme.Quote";
  /** 1,240 objects, 98% dead before their first GC. */
  private static final String YOUNG_GC = "0:1222,1:12,2:4,16:2";
  private static final String YOUNG_AGE = "1:200,5:1000,20:38";
  /** A cache: most objects live through 16 GCs or to the end. */
  private static final String KEPT_GC = "0:100,1:20,16:700";

  /** A hot line of quotes on a recording whose jdk.* events say "short-lived" too: a flat heap. */
  private static TestProfiles hotLine() {
    return TestProfiles.profile()
        .site(QUOTE_TYPE, QUOTE, null, 400 * MB, 0)
        .site("java.lang.String", TestProfiles.line("other", 9), null, 600 * MB, 0)
        .collections(30, 30 * MB, 1_000).oldObjectSamples(5);
  }

  private static Report analyze(TestProfiles profile, ClassFiles classFiles) {
    return new Analyzer(new Detectors(List.of(new HotShortLivedDetector(), new PoolingCandidateDetector())))
        .report(profile.build(), AnalysisOptions.defaults().withClassFiles(classFiles));
  }

  private static List<Finding> at(Report report, FindingKind kind, Frame line) {
    return report.findings().stream()
        .filter(f -> f.kind() == kind && f.site().line() == line.line()).toList();
  }

  @Test
  void measuredShortLifeIsTheEvidenceAndTheSummarySaysSo() {
    Finding finding = at(analyze(hotLine().lifetimes(QUOTE, QUOTE_TYPE, 0, YOUNG_GC, YOUNG_AGE), ClassFiles.NONE),
        FindingKind.HOT_SHORT_LIVED, QUOTE).get(0);
    assertThat(finding.summary()).endsWith("that die young: 98% of 1,240 sampled objects died before the first GC"
        + " after their allocation (99% by the second), median age 3.3 ms (measured by the agent).");
    assertThat(finding.evidence())
        .containsEntry("diedBeforeFirstGcShare", 0.985)
        .containsEntry("lifetimeSamples", 1_240L)
        .containsEntry("lifetimeMeasuredBy", "agent: 1,240 sampled objects tracked with weak references"
            + " (about 1 in 256 allocations)")
        .containsKeys("medianAgeMillis", "p90AgeMillis", "longLivedShare", "aliveAtEndShare")
        .doesNotContainKey("survivorSamples");
    assertThat(finding.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(finding.confidenceNote()).startsWith("Lifetime is measured by the agent");
  }

  /** The jdk.* events would call it short-lived (a flat heap); the agent saw the objects kept. */
  @Test
  void measuredLongLifeVetoesTheFinding() {
    Report report = analyze(hotLine().lifetimes(QUOTE, QUOTE_TYPE, 180, KEPT_GC, "5:100,20:20"), ClassFiles.NONE);
    assertThat(at(report, FindingKind.HOT_SHORT_LIVED, QUOTE)).isEmpty();
    assertThat(at(analyze(hotLine(), ClassFiles.NONE), FindingKind.HOT_SHORT_LIVED, QUOTE)).hasSize(1);
  }

  @Test
  void tooFewMeasuredObjectsLeaveTheVerdictToTheJdkEventsAndSaySo() {
    Finding finding = at(analyze(hotLine().lifetimes(QUOTE, QUOTE_TYPE, 0, "16:20", "1:1"), ClassFiles.NONE),
        FindingKind.HOT_SHORT_LIVED, QUOTE).get(0);
    assertThat(finding.evidence()).containsEntry("lifetimeSamples", 20L).containsKey("survivorSamples");
    assertThat((String) finding.evidence().get("lifetimeMeasuredBy"))
        .startsWith("agent: only 20 sampled objects tracked (fewer than 50), not used; jdk.OldObjectSample");
    assertThat(finding.summary()).doesNotContain("measured by the agent");
  }

  /** Measurements decide where the jdk.* events cannot: no old-object samples and a growing heap. */
  @Test
  void measurementsDecideWhereTheJdkEventsCannot() {
    TestProfiles growing = TestProfiles.profile().enabledEvents(java.util.Set.of())
        .site(QUOTE_TYPE, QUOTE, null, 400 * MB, 0)
        .site("java.lang.String", TestProfiles.line("other", 9), null, 600 * MB, 0)
        .collections(30, 30 * MB, 6 * MB);
    Report without = analyze(growing, ClassFiles.NONE);
    assertThat(at(without, FindingKind.HOT_SHORT_LIVED, QUOTE)).isEmpty();
    assertThat(without.undecided()).anySatisfy(line -> assertThat(line).contains("Service.quote"));
    Report with = analyze(growing.lifetimes(QUOTE, QUOTE_TYPE, 0, YOUNG_GC, YOUNG_AGE), ClassFiles.NONE);
    assertThat(at(with, FindingKind.HOT_SHORT_LIVED, QUOTE)).hasSize(1);
  }

  /** A line whose bytes are mostly the JDK's (a split's strings) is not judged by the few objects it makes itself. */
  @Test
  void measurementsOfAMinorTypeDoNotSpeakForTheLine() {
    TestProfiles profile = TestProfiles.profile()
        .site("java.lang.String", QUOTE, "String.split", 400 * MB, 0)
        .site("int[]", QUOTE, null, 50 * MB, 0)
        .site("java.lang.String", TestProfiles.line("other", 9), null, 550 * MB, 0)
        .collections(30, 30 * MB, 1_000).oldObjectSamples(5)
        .lifetimes(QUOTE, "int[]", 180, KEPT_GC, "5:120");
    Finding finding = at(analyze(profile, ClassFiles.NONE), FindingKind.HOT_SHORT_LIVED, QUOTE).get(0);
    assertThat(finding.evidence()).doesNotContainKey("lifetimeSamples");
  }

  @Test
  void poolingIsConfirmedOrVetoedByMeasuredLife() throws Exception {
    TestProfiles buffers = TestProfiles.profile()
        .site("byte[]", BUFFER_LINE, null, 900 * MB, 0)
        .site("java.lang.String", TestProfiles.line("other", 9), null, 100 * MB, 0)
        .collections(30, 30 * MB, 1_000).oldObjectSamples(5);
    try (ClassFiles classFiles = ClassFiles.open(List.of(TestEnvironment.samplesClassPath()))) {
      Finding confirmed = at(analyze(buffers.lifetimes(BUFFER_LINE, "byte[]", 0, YOUNG_GC, YOUNG_AGE), classFiles),
          FindingKind.POOLING_CANDIDATE, BUFFER_LINE).get(0);
      assertThat(confirmed.summary()).contains("drops them young (measured by the agent: 98% of 1,240 sampled");
      assertThat(confirmed.evidence()).containsEntry("lifetimeSamples", 1_240L);
      assertThat(confirmed.confidence()).isEqualTo(Confidence.HIGH);
      Report kept = analyze(buffers.lifetimes(BUFFER_LINE, "byte[]", 180, KEPT_GC, "5:120"), classFiles);
      assertThat(kept.findings()).filteredOn(f -> f.site().line() == BUFFER_LINE.line()).isEmpty();
    }
  }
}
