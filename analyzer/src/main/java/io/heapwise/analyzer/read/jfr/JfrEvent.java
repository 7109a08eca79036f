// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

/**
 * One event, valid only while the callback it was handed to runs: readers reuse the object for the next event.
 * {@link #typeName()} is the event type's name; its thread and stack trace are the {@code eventThread} and
 * {@code stackTrace} fields.
 */
public interface JfrEvent extends JfrObject {

  /** When the event began, in nanoseconds since the epoch, converted from ticks as the JDK converts them. */
  long startEpochNanos();

  /** When the event was committed: its start plus its duration, in nanoseconds since the epoch. */
  long endEpochNanos();
}
