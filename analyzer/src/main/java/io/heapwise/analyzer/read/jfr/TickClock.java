// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

/**
 * Converts a chunk's ticks to nanoseconds with the same double arithmetic as the JDK's reader (17 through 25), so
 * that both give the same nanosecond: ticks since the chunk's start divided by ticks per nanosecond, truncated.
 */
final class TickClock {

  private final long startTicks;
  private final long startNanos;
  private final double ticksPerNanosecond;

  TickClock(long startTicks, long startNanos, long ticksPerSecond) {
    this.startTicks = startTicks;
    this.startNanos = startNanos;
    this.ticksPerNanosecond = (double) ticksPerSecond / 1_000_000_000L;
  }

  long epochNanos(long ticks) {
    return startNanos + (long) ((ticks - startTicks) / ticksPerNanosecond);
  }

  long nanos(long ticks) {
    return (long) (ticks / ticksPerNanosecond);
  }
}
