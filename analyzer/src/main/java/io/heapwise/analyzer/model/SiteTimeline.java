// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.Arrays;

/**
 * When a site allocated over the recording: its bytes in equal slices from the recording's start. A site that
 * allocates only while the program warms up (in the interpreter and C1, before C2 compiled the method and
 * scalar-replaced its objects) differs from one that goes on allocating once the code is hot.
 *
 * @param originEpochNanos where the first slice begins: the recording's start
 * @param sliceNanos the width of each slice
 * @param bytes bytes sampled in each slice, in order
 */
public record SiteTimeline(long originEpochNanos, long sliceNanos, long[] bytes) {

  public static final SiteTimeline EMPTY = new SiteTimeline(0, 1, new long[0]);

  public SiteTimeline {
    bytes = bytes.clone();
  }

  /**
   * The bytes sampled in the slices that begin at or after {@code epochNanos}: none of the slice it falls in, whose
   * bytes may all be from before it (a site that allocates only while the program warms up has all its bytes
   * there).
   */
  public long bytesFrom(long epochNanos) {
    long total = 0;
    for (int i = firstSliceFrom(epochNanos); i < bytes.length; i++) {
      total += bytes[i];
    }
    return total;
  }

  /** How many of the slices that begin at or after {@code epochNanos} have bytes. */
  public int busySlicesFrom(long epochNanos) {
    int busy = 0;
    for (int i = firstSliceFrom(epochNanos); i < bytes.length; i++) {
      if (bytes[i] > 0) {
        busy++;
      }
    }
    return busy;
  }

  /** Where the first slice that begins at or after {@code epochNanos} begins. */
  public long sliceStartFrom(long epochNanos) {
    return originEpochNanos + firstSliceFrom(epochNanos) * sliceNanos;
  }

  private int firstSliceFrom(long epochNanos) {
    if (epochNanos <= originEpochNanos) {
      return 0;
    }
    long slice = (epochNanos - originEpochNanos + sliceNanos - 1) / sliceNanos;
    return (int) Math.min(slice, bytes.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SiteTimeline t && t.originEpochNanos == originEpochNanos && t.sliceNanos == sliceNanos
        && Arrays.equals(t.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(originEpochNanos) * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SiteTimeline[from " + originEpochNanos + " every " + sliceNanos + " ns: " + Arrays.toString(bytes) + "]";
  }

  /**
   * Collects a timeline in constant memory: {@value #SLICES} slices, 50 ms wide at first, fine enough to tell the
   * first seconds of warm-up apart; when a sample falls beyond the last, neighbouring slices merge and the width
   * doubles, so a minute's recording has 1.6-second slices and an hour's 1.7-minute ones.
   */
  static final class Builder {
    static final int SLICES = 64;
    private static final long FIRST_SLICE_NANOS = 50_000_000L;

    private final long[] bytes = new long[SLICES];
    private long sliceNanos = FIRST_SLICE_NANOS;
    /** The slice the last sample fell in, and where it starts; none at first. */
    private int lastSlice;
    private long lastSliceStart = Long.MIN_VALUE / 2;

    /** @param sinceOrigin time from the recording's start; earlier samples (another file's) count in the first */
    void add(long sinceOrigin, long weight) {
      long at = Math.max(0, sinceOrigin);
      // A site's samples come mostly in time order: the last slice's bounds spare a division per event. One unsigned
      // comparison for both bounds, as in ProfileBuilder's per-second totals.
      if (Long.compareUnsigned(at - lastSliceStart, sliceNanos) < 0) {
        bytes[lastSlice] += weight;
        return;
      }
      long slice = at / sliceNanos;
      while (slice >= SLICES) {
        widen();
        slice = at / sliceNanos;
      }
      lastSlice = (int) slice;
      lastSliceStart = slice * sliceNanos;
      bytes[lastSlice] += weight;
    }

    /**
     * Adds {@code other}'s samples, collected from the same origin: the narrower of the two widens to the other's
     * slices first. Slices only ever double, so the result is the timeline of all samples added to one builder.
     */
    void add(Builder other) {
      while (sliceNanos < other.sliceNanos) {
        widen();
      }
      long[] theirs = other.bytes;
      for (long width = other.sliceNanos; width < sliceNanos; width *= 2) {
        theirs = widened(theirs);
      }
      for (int i = 0; i < SLICES; i++) {
        bytes[i] += theirs[i];
      }
    }

    private void widen() {
      System.arraycopy(widened(bytes), 0, bytes, 0, SLICES);
      sliceNanos *= 2;
      lastSliceStart = Long.MIN_VALUE / 2;
    }

    private static long[] widened(long[] slices) {
      long[] wider = new long[SLICES];
      for (int i = 0; i < SLICES / 2; i++) {
        wider[i] = slices[2 * i] + slices[2 * i + 1];
      }
      return wider;
    }

    SiteTimeline build(long originEpochNanos) {
      return new SiteTimeline(originEpochNanos, sliceNanos, bytes);
    }
  }
}
