// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

/** Heap occupancy around one collection ({@code jdk.GCHeapSummary}). */
public record HeapSample(long gcId, boolean beforeGc, long usedBytes, long committedBytes) {
}
