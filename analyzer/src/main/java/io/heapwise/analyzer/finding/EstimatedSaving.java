// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.finding;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Allocation the recommended change would remove, as a rate and as a share of all allocation. */
@JsonPropertyOrder({"bytesPerSecond", "shareOfAllocation"})
public record EstimatedSaving(double bytesPerSecond, double shareOfAllocation) {

  public static final EstimatedSaving NONE = new EstimatedSaving(0, 0);
}
