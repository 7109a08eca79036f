// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

/**
 * Converts a chunk's ticks to nanoseconds with the same double arithmetic as the JDK's reader (17 through 25), so
 * that both give the same nanosecond: ticks since the chunk's start divided by ticks per nanosecond, truncated.
 */
final class TickClock {

  private static final long EXACT_IN_DOUBLE = 1L << 53;

  private final long startTicks;
  private final long startNanos;
  private final double ticksPerNanosecond;
  /** Ticks are nanoseconds (HotSpot's on Linux): the division by 1.0 is then exact and can be left out. */
  private final boolean nanosecondTicks;

  TickClock(long startTicks, long startNanos, long ticksPerSecond) {
    this.startTicks = startTicks;
    this.startNanos = startNanos;
    this.ticksPerNanosecond = (double) ticksPerSecond / 1_000_000_000L;
    this.nanosecondTicks = ticksPerSecond == 1_000_000_000L;
  }

  long epochNanos(long ticks) {
    long sinceStart = ticks - startTicks;
    // A double holds every long below 2^53 exactly; past that the JDK's rounding is kept.
    if (nanosecondTicks && Math.abs(sinceStart) < EXACT_IN_DOUBLE) {
      return startNanos + sinceStart;
    }
    return startNanos + (long) (sinceStart / ticksPerNanosecond);
  }

  long nanos(long ticks) {
    return (long) (ticks / ticksPerNanosecond);
  }
}
