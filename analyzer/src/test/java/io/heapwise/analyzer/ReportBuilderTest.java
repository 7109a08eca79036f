// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.TestProfiles;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

  @Test
  void p99IsANearestRankValueThatOccurred() {
    double[] hundredPauses = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
    assertThat(ReportBuilder.percentile(hundredPauses, 0.99)).isEqualTo(99.0);
    assertThat(ReportBuilder.percentile(new double[] {3, 1, 2}, 0.99)).isEqualTo(3.0);
    assertThat(ReportBuilder.percentile(new double[0], 0.99)).isZero();
  }

  @Test
  void samplesThatWeighUnevenlyGetANoteWithTheErrorOfASiteWithAQuarter() {
    AllocationProfile uneven = TestProfiles.profile().site("byte[]", null, 300_000_000, 400, "com.acme.Book.match:61")
        .site("char[]", null, 100_000_000, 21, "com.acme.Book.print:7").effectiveSamples(12).build();

    assertThat(new ReportBuilder(uneven).recording().notes()).containsExactly("the 421 allocation samples are as"
        + " good as 12 even ones (bursts the throttle skipped went to the next sample), so a site with a quarter of"
        + " the bytes is off by about 50%; record longer or sample more (agent: allocation-profiling=maximum; JFR:"
        + " jdk.ObjectAllocationSample#throttle)");
  }

  @Test
  void samplesAsGoodAsAHundredEvenOnesOrAQuarterOfTheirNumberGetNoNote() {
    TestProfiles many = TestProfiles.profile().site("byte[]", null, 300_000_000, 400, "com.acme.Book.match:61")
        .site("char[]", null, 100_000_000, 21, "com.acme.Book.print:7");
    assertThat(new ReportBuilder(many.effectiveSamples(104).build()).recording().notes()).isEmpty();
    // Few samples that weigh alike: their number says how rough the sites are.
    TestProfiles few = TestProfiles.profile().site("byte[]", null, 300_000_000, 60, "com.acme.Book.match:61");
    assertThat(new ReportBuilder(few.effectiveSamples(40).build()).recording().notes()).isEmpty();
    assertThat(new ReportBuilder(few.effectiveSamples(12).build()).recording().notes()).singleElement()
        .asString().startsWith("the 60 allocation samples are as good as 12 even ones");
  }
}
