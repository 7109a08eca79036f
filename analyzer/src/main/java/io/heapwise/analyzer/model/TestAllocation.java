// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

/**
 * What one test allocated, from the Heapwise JUnit extension's {@code heapwise.Test} events: exact bytes of the
 * thread that ran it, summed over the times it ran in the recording.
 *
 * @param bytes allocated over all its runs
 * @param runs how many times it ran (once, unless the suite ran it again)
 * @param failedRuns runs that ended with the test failing: their allocation is that of a different path
 */
public record TestAllocation(long bytes, long runs, long failedRuns) {

  public TestAllocation plus(long moreBytes, boolean failed) {
    return new TestAllocation(bytes + moreBytes, runs + 1, failedRuns + (failed ? 1 : 0));
  }

  /** Bytes per run. */
  public double bytesPerRun() {
    return runs == 0 ? 0 : (double) bytes / runs;
  }
}
