// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

/**
 * How much of the threads' first {@code jdk.ObjectAllocationSample} weights was left out as allocated before the
 * recording began (see {@code FirstSamples} for the rule).
 *
 * @param samplesCapped first samples that count for less than their weight
 * @param bytesRemoved what they lost in all
 */
public record FirstSampleCorrection(long samplesCapped, long bytesRemoved) {

  public static final FirstSampleCorrection NONE = new FirstSampleCorrection(0, 0);
}
