// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.List;

/** Bytes and samples attributed to one site, per allocation source, plus a representative stack. */
public final class SiteStats {

  private final SiteKey key;
  private final List<Frame> frames;
  private final long[] bytes = new long[AllocationSource.values().length];
  private final long[] samples = new long[AllocationSource.values().length];
  private final SizeStats sizes = new SizeStats();
  private final SiteTimeline.Builder[] timelines = new SiteTimeline.Builder[AllocationSource.values().length];

  SiteStats(SiteKey key, List<Frame> frames) {
    this.key = key;
    this.frames = List.copyOf(frames);
  }

  /** @param sinceOrigin when, from the recording's start */
  void add(AllocationSource source, long weight, long sinceOrigin) {
    bytes[source.ordinal()] += weight;
    samples[source.ordinal()]++;
    SiteTimeline.Builder timeline = timelines[source.ordinal()];
    if (timeline == null) {
      timeline = timelines[source.ordinal()] = new SiteTimeline.Builder();
    }
    timeline.add(sinceOrigin, weight);
  }

  /** Adds what {@code other}, the same site counted by another reader, counted; its frames are this one's. */
  void add(SiteStats other) {
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] += other.bytes[i];
      samples[i] += other.samples[i];
      if (other.timelines[i] != null) {
        if (timelines[i] == null) {
          timelines[i] = new SiteTimeline.Builder();
        }
        timelines[i].add(other.timelines[i]);
      }
    }
    sizes.add(other.sizes);
  }

  public SiteTimeline timeline(AllocationSource source, long originEpochNanos) {
    SiteTimeline.Builder timeline = timelines[source.ordinal()];
    return timeline == null ? SiteTimeline.EMPTY : timeline.build(originEpochNanos);
  }

  public SiteKey key() {
    return key;
  }

  /** The frames from the allocation up to and including the application frame, innermost first. */
  public List<Frame> frames() {
    return frames;
  }

  public long bytes(AllocationSource source) {
    return bytes[source.ordinal()];
  }

  public long samples(AllocationSource source) {
    return samples[source.ordinal()];
  }

  /** Exact sizes, from whichever events carried them (whatever source the bytes come from). */
  public SizeStats sizes() {
    return sizes;
  }

  void size(long objectBytes) {
    sizes.add(objectBytes);
  }
}
