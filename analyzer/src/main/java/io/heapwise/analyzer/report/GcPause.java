// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One collection on the report's timeline ({@code jdk.GarbageCollection}, with {@code jdk.GCHeapSummary} after it).
 *
 * @param pauseMs the sum of its stop-the-world pauses
 * @param longestPauseMs its longest single pause
 * @param heapUsedAfterBytes heap in use once it finished, {@code -1} when the recording does not say
 */
@JsonPropertyOrder({"startEpochMillis", "name", "cause", "pauseMs", "longestPauseMs", "heapUsedAfterBytes"})
public record GcPause(long startEpochMillis, String name, String cause, double pauseMs, double longestPauseMs,
    long heapUsedAfterBytes) {
}
