// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.List;

/**
 * A site with the bytes and samples of the allocation source the profile uses.
 *
 * @param frames from the allocation up to and including the application frame, innermost first
 * @param exactSizes object sizes from events that carry them; empty ({@code count() == 0}) for recordings with
 *     only {@code jdk.ObjectAllocationSample}
 * @param survivorSamples {@code jdk.OldObjectSample} events for this site: objects from it still alive long after
 */
public record AllocationSite(SiteKey key, List<Frame> frames, long bytes, long samples, SizeStats exactSizes,
    long survivorSamples, SiteTimeline timeline) {

  public AllocationSite {
    frames = List.copyOf(frames);
  }
}
