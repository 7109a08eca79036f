// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.gate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Allocation per unit of work, with what its noise is estimated from.
 *
 * @param bytesPerUnit bytes allocated per unit of work (the mean over the recordings combined)
 * @param samples the JFR allocation samples behind it, over all recordings
 * @param spread the run-to-run relative standard deviation when several recordings were combined, else absent
 */
@JsonPropertyOrder({"bytesPerUnit", "samples", "spread"})
public record Quantity(double bytesPerUnit, long samples, @JsonInclude(JsonInclude.Include.NON_NULL) Double spread) {

  public static final Quantity NONE = new Quantity(0, 0, null);

  /**
   * One standard error in bytes per unit. JFR's samples are a random draw weighted by bytes, so a quantity measured
   * from {@code n} of them is off by about {@code 1/sqrt(n)} of itself; what differs between runs of the same
   * workload (JIT timing, warm-up) only several recordings show, as {@code spread}.
   */
  @JsonIgnore
  public double standardError() {
    double sampling = samples > 0 ? bytesPerUnit / Math.sqrt(samples) : 0;
    double runToRun = spread == null ? 0 : spread * bytesPerUnit;
    return Math.sqrt(sampling * sampling + runToRun * runToRun);
  }
}
