// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import io.heapwise.analyzer.read.jfr.JfrEvent;
import java.time.Instant;
import jdk.jfr.consumer.RecordedEvent;

/** An event the JDK's parser decoded (from a file the chunk reader could not read, or a live stream). */
final class JdkRecordedEvent extends JdkRecordedObject implements JfrEvent {

  private final RecordedEvent event;

  JdkRecordedEvent(RecordedEvent event) {
    super(event, event.getEventType().getName());
    this.event = event;
  }

  @Override
  public long startEpochNanos() {
    return epochNanos(event.getStartTime());
  }

  @Override
  public long endEpochNanos() {
    return epochNanos(event.getEndTime());
  }

  static long epochNanos(Instant instant) {
    return instant == null ? 0 : instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
