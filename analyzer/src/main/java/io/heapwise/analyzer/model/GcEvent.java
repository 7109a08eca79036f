// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

/**
 * One garbage collection ({@code jdk.GarbageCollection}).
 *
 * @param pauseMillis the sum of its stop-the-world pauses
 * @param longestPauseMillis its longest single pause
 */
public record GcEvent(long gcId, String name, String cause, long startEpochMillis, double pauseMillis,
    double longestPauseMillis) {
}
