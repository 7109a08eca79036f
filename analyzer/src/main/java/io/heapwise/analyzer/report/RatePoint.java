// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The allocation rate in one interval of the recording: bursts and ramps that an average hides. */
@JsonPropertyOrder({"startEpochMillis", "intervalMillis", "bytesPerSecond"})
public record RatePoint(long startEpochMillis, long intervalMillis, double bytesPerSecond) {
}
