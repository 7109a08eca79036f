// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * All allocation by one thread.
 *
 * @param bytes from the allocation events, like every other byte count in the report
 * @param exactAllocatedBytes the thread's own counter ({@code jdk.ThreadAllocationStatistics}) at its last reading:
 *     exact, but cumulative since the thread started; {@code -1} when the recording has none
 */
@JsonPropertyOrder({"thread", "bytes", "share", "exactAllocatedBytes"})
public record ThreadTotal(String thread, long bytes, double share, long exactAllocatedBytes) {
}
