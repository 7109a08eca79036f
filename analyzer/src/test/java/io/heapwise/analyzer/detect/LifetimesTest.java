// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.model.TestProfiles;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifetimesTest {

  private static final long MB = 1024 * 1024;

  private static Lifetimes.Verdict judge(TestProfiles profile, double share, long survivors) {
    return new Lifetimes(profile.build(), Thresholds.DEFAULTS).judge(share, survivors);
  }

  @Test
  void noSurvivorAndAFlatHeapIsShortLivedWithHighConfidence() {
    Lifetimes.Verdict verdict = judge(TestProfiles.profile().collections(20, 30 * MB, 10_000).oldObjectSamples(5),
        0.9, 0);
    assertThat(verdict.state()).isEqualTo(Lifetimes.State.SHORT_LIVED);
    assertThat(verdict.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(verdict.evidence()).containsEntry("gcIntervals", 19).containsKeys("siteSurvivalUpperBound",
        "expectedSurvivorSamplesIfAverageLifetime", "lifetimeMeasuredBy");
    assertThat(verdict.evidence().get("lifetimeMeasuredBy").toString())
        .contains("jdk.OldObjectSample", "jdk.GCHeapSummary");
  }

  @Test
  void withoutOldObjectSamplesTheHeapAloneGivesLessConfidence() {
    TestProfiles profile = TestProfiles.profile().enabledEvents(Set.of("jdk.ThreadStart"))
        .collections(20, 30 * MB, 10_000);
    Lifetimes.Verdict dominant = judge(profile, 0.9, 0);
    assertThat(dominant.state()).isEqualTo(Lifetimes.State.SHORT_LIVED);
    assertThat(dominant.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(dominant.evidence()).containsEntry("oldObjectSampleEnabled", "false");
    // 2% retained overall does not bound a site that is 15% of allocation under 5%: indirect evidence only.
    Lifetimes.Verdict minor = judge(TestProfiles.profile().enabledEvents(Set.of())
        .collections(20, 30 * MB, 600_000), 0.15, 0);
    assertThat(minor.state()).isEqualTo(Lifetimes.State.SHORT_LIVED);
    assertThat(minor.confidence()).isEqualTo(Confidence.LOW);
    assertThat(minor.evidence()).containsEntry("oldObjectSampleEnabled", "unknown");
  }

  @Test
  void survivorsBeyondTheSiteShareMeanItLivesWhenTheHeapGrows() {
    Lifetimes.Verdict verdict = judge(TestProfiles.profile().collections(20, 30 * MB, 6 * MB).oldObjectSamples(4),
        0.5, 3);
    assertThat(verdict.state()).isEqualTo(Lifetimes.State.SURVIVES);
    assertThat(verdict.reason()).contains("3 of 4");
  }

  @Test
  void aFlatHeapOverridesSurvivorsSampledAfterTheLastCollection() {
    Lifetimes.Verdict verdict = judge(TestProfiles.profile().collections(20, 30 * MB, 0).oldObjectSamples(2),
        0.95, 2);
    assertThat(verdict.state()).isEqualTo(Lifetimes.State.SHORT_LIVED);
    assertThat(verdict.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(verdict.evidence()).containsKey("lifetimeConflict");
  }

  @Test
  void noSurvivorAmongEnoughSamplesIsEvidenceEvenWhenTheHeapGrows() {
    Lifetimes.Verdict verdict = judge(TestProfiles.profile().collections(20, 30 * MB, 6 * MB).oldObjectSamples(10),
        0.5, 0);
    assertThat(verdict.state()).isEqualTo(Lifetimes.State.SHORT_LIVED);
    assertThat(verdict.confidence()).isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void withoutCollectionsNothingCanBeSaid() {
    Lifetimes.Verdict verdict = judge(TestProfiles.profile().oldObjectSamples(5), 0.9, 0);
    assertThat(verdict.state()).isEqualTo(Lifetimes.State.UNKNOWN);
    assertThat(verdict.evidence()).containsEntry("oldObjectSampleUsable", "no: no collection ran");
    assertThat(verdict.reason()).contains("0 GC intervals");
  }
}
