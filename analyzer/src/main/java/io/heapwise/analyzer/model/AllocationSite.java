// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.List;

/**
 * A site with the bytes and samples of the allocation source the profile uses.
 *
 * @param frames from the allocation up to and including the application frame, innermost first
 */
public record AllocationSite(SiteKey key, List<Frame> frames, long bytes, long samples) {

  public AllocationSite {
    frames = List.copyOf(frames);
  }
}
