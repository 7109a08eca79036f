// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NoiseTest {

  @Test
  void theUpperTailMatchesTheNormalDistributionsKnownValues() {
    assertThat(Noise.upperTail(0)).isCloseTo(0.5, within(1e-7));
    assertThat(Noise.upperTail(1.959964)).isCloseTo(0.025, within(1e-6));
    assertThat(Noise.upperTail(3.090232)).isCloseTo(0.001, within(1e-7));
  }

  @Test
  void theBarRisesWithTheNumberOfQuantitiesComparedTogether() {
    // One quantity: the one-sided 0.1% quantile. Fifty: 0.1% / 50 each, so any of them crosses it by chance 0.1%.
    assertThat(Noise.sigmas(1)).isCloseTo(3.090, within(0.001));
    assertThat(Noise.sigmas(50)).isCloseTo(4.107, within(0.001));
    assertThat(Noise.sigmas(200)).isGreaterThan(Noise.sigmas(50));
  }
}
