// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.runtime;

/**
 * What one site measured in one period, as the {@code heapwise.SiteLifetimes} and {@code heapwise.CollectionSizes}
 * events carry it; the field meanings are documented on those events.
 */
public record SiteSnapshot(
    Site site,
    long allocations,
    long samples,
    long sampledBytes,
    long died,
    long longLived,
    long aliveAtEnd,
    long dropped,
    String gcHistogram,
    String ageHistogram,
    long measuredSizes,
    String sizeHistogram,
    long sizeMax,
    long sizeSum) {

  public boolean hasLifetimes() {
    return allocations > 0 || samples > 0 || died > 0 || longLived > 0 || aliveAtEnd > 0;
  }

  public boolean hasSizes() {
    return measuredSizes > 0;
  }
}
