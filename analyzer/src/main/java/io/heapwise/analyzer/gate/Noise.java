// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.gate;

/**
 * How far apart two noisy quantities may be before the difference is believed. A gate compares a total and tens
 * of sites on every build; a test at a fixed 3 sigma per quantity would fail some build in a hundred for noise
 * alone, and a team turns off a gate that cries wolf. So the bar is set for all the quantities of one comparison
 * together: the chance that any of them crosses it by noise alone is {@value #FALSE_ALARM_RATE}.
 */
final class Noise {

  /** One build in a thousand fails for noise, whatever the number of sites. */
  static final double FALSE_ALARM_RATE = 0.001;

  private Noise() {
  }

  /**
   * Standard errors beyond which a rise in any of {@code quantities} is taken as real: the one-sided normal
   * quantile of {@code FALSE_ALARM_RATE / quantities} (Bonferroni), e.g. 3.1 for 1 quantity, 4.1 for 50.
   */
  static double sigmas(int quantities) {
    double tail = FALSE_ALARM_RATE / Math.max(1, quantities);
    double low = 0;
    double high = 12;
    for (int i = 0; i < 60; i++) {
      double mid = (low + high) / 2;
      if (upperTail(mid) > tail) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return (low + high) / 2;
  }

  /** P(Z > z) for a standard normal Z. */
  static double upperTail(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }

  /** The complementary error function, by its Chebyshev approximation (fractional error below 1.2e-7). */
  private static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
        + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    double result = t * Math.exp(poly);
    return x >= 0 ? result : 2 - result;
  }
}
