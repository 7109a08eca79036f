// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

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
}
