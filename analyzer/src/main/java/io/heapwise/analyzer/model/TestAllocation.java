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

  /** One run of a test. */
  public static TestAllocation run(long bytes, boolean failed) {
    return new TestAllocation(bytes, 1, failed ? 1 : 0);
  }

  /** This and {@code other} together: the same test's runs. */
  public TestAllocation plus(TestAllocation other) {
    return new TestAllocation(bytes + other.bytes, runs + other.runs, failedRuns + other.failedRuns);
  }

  /** Bytes per run. */
  public double bytesPerRun() {
    return runs == 0 ? 0 : (double) bytes / runs;
  }
}
