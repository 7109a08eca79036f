// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.testing.SampleRecording;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How evenly a real recording's allocation samples weigh, as the analyzer counts it. Sampling every TLAB refill
 * (the agent's {@code allocation-profiling=maximum}) gives samples of about a TLAB each, so they are as good as a
 * large share of their number; a throttle that skips bursts is what makes a few samples carry most bytes.
 */
class AllocationSamplingIT {

  private static final String CHECKOUT = "io.heapwise.samples.gate.WholesaleCheckout";

  @Test
  void samplesAtEveryTlabRefillWeighAboutAlikeAndGetNoNote() throws Exception {
    Path dir = TestEnvironment.workDir("AllocationSamplingIT");
    Path jfr = SampleRecording.withAgent(TestEnvironment.agentJar(), CHECKOUT,
        "include=io.heapwise.samples.gate,allocation-profiling=maximum,log=none", 2, dir).jfr();

    Analyzer analyzer = new Analyzer();
    AllocationProfile profile = analyzer.profile(List.of(jfr), AnalysisOptions.defaults());
    Report report = analyzer.report(profile, AnalysisOptions.defaults());

    assertThat(profile.allocationSamples()).as("a sample per TLAB refill for 2 s").isGreaterThan(200);
    // Measured on examples/maven-gate: 45 to 49% of the number at maximum, 2 to 7% at 300 samples/s.
    assertThat(profile.effectiveAllocationSamples()).as("of %d samples", profile.allocationSamples())
        .isGreaterThan(0.25 * profile.allocationSamples())
        .isLessThanOrEqualTo(profile.allocationSamples());
    assertThat(report.recording().notes()).noneMatch(note -> note.contains("as good as"));
  }
}
