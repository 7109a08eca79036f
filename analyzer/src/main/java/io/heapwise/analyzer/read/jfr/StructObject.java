// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

/** A struct's decoded field values: a constant-pool entry (shared) or a struct written in place. */
final class StructObject extends FieldValues {

  private final JfrType type;
  private final Object[] values;
  private final TickClock clock;
  private Object attachment;

  StructObject(JfrType type, Object[] values, TickClock clock) {
    this.type = type;
    this.values = values;
    this.clock = clock;
  }

  @Override
  JfrType type() {
    return type;
  }

  @Override
  TickClock clock() {
    return clock;
  }

  @Override
  Object value(int index) {
    return PoolRef.resolved(values[index]);
  }

  @Override
  long rawIntegral(int index) {
    Object value = values[index];
    return value instanceof Character character ? character : ((Number) value).longValue();
  }

  @Override
  public Object attachment() {
    return attachment;
  }

  @Override
  public boolean attach(Object value) {
    attachment = value;
    return true;
  }

  @Override
  public String toString() {
    return type.name + fieldNames();
  }
}
