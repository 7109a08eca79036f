// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

/**
 * The event {@link JfrChunkReader#readEvents} hands out, reused for the next: its primitives and constant-pool keys
 * are read into longs as the event is walked, and where its strings, arrays and structs start is noted; those are
 * decoded only if asked for. Nothing is allocated for an event whose pooled objects and numbers are all it reads.
 */
final class EventView extends FieldValues implements JfrEvent {

  private final Decoder lazy;
  private JfrType type;
  /** Per field: the primitive's bits, the pool key, or for the others the offset where they are written. */
  private long[] slots = new long[8];
  private int end;

  EventView(Decoder lazy) {
    this.lazy = lazy;
  }

  /** Reads the event whose fields start at {@code in}'s cursor and end at its window's end. */
  void scan(JfrType eventType, ChunkInput in, Decoder scanner) throws JfrFormatException {
    JfrField[] fields = eventType.fields;
    if (slots.length < fields.length) {
      slots = new long[fields.length];
    }
    if (type != eventType) {
      // Only when it changes: a reference store costs a GC write barrier, and events come in runs of one type.
      type = eventType;
    }
    end = in.end;
    long[] values = slots;
    int first = eventType.longPrefix;
    in.readLongs(values, 0, first);
    int[] kinds = eventType.kinds;
    for (int i = first; i < kinds.length; i++) {
      switch (kinds[i]) {
        case JfrField.BOOLEAN, JfrField.BYTE -> values[i] = in.readByte();
        case JfrField.SHORT -> values[i] = in.readShort();
        case JfrField.CHAR -> values[i] = in.readChar();
        case JfrField.INT -> values[i] = in.readInt();
        case JfrField.LONG, JfrField.POOL -> values[i] = in.readLong();
        case JfrField.FLOAT -> values[i] = Float.floatToRawIntBits(in.readFloat());
        case JfrField.DOUBLE -> values[i] = Double.doubleToRawLongBits(in.readDouble());
        default -> {
          values[i] = in.position;
          scanner.skipField(fields[i]);
        }
      }
    }
  }

  @Override
  JfrType type() {
    return type;
  }

  @Override
  TickClock clock() {
    return lazy.clock;
  }

  @Override
  public long startEpochNanos() {
    return lazy.clock.epochNanos(slots[0]);
  }

  @Override
  public long endEpochNanos() {
    long start = slots[0];
    return lazy.clock.epochNanos(type.leadingTicks == 2 ? start + slots[1] : start);
  }

  @Override
  Object value(int index) {
    if (index < type.leadingTicks) {
      return slots[index];
    }
    JfrField field = type.fields[index];
    switch (field.kind) {
      case JfrField.POOL:
        ConstantPool pool = type.fieldPools[index];
        return pool == null ? null : pool.get(slots[index]);
      case JfrField.STRING, JfrField.STRUCT, JfrField.ARRAY:
        return PoolRef.resolved(decodeAt(field, (int) slots[index]));
      default:
        return boxed(field.kind, slots[index]);
    }
  }

  @Override
  public JfrObject getObject(String name) {
    int index = type.indexOf(name);
    return index < 0 ? super.getObject(name) : getObject(index);
  }

  /** The hot path: a pooled thread, stack or class, looked up without boxing or copying. */
  @Override
  public JfrObject getObject(int index) {
    JfrType eventType = type;
    if (index >= eventType.leadingTicks && eventType.kinds[index] == JfrField.POOL) {
      ConstantPool pool = eventType.fieldPools[index];
      Object value = pool == null ? null : pool.get(slots[index]);
      // A class check, not an interface check: the JVM answers the latter from a one-entry cache per class.
      if (value == null || value instanceof FieldValues) {
        return (JfrObject) value;
      }
    }
    return super.getObject(index);
  }

  @Override
  public long getLong(String name) {
    return getLong(indexOf(name));
  }

  @Override
  public long getLong(int index) {
    return type.kinds[index] == JfrField.LONG ? slots[index] : super.getLong(index);
  }

  private Object decodeAt(JfrField field, int offset) {
    try {
      lazy.in.window(offset, end);
      return lazy.decodeField(field);
    } catch (JfrFormatException e) {
      lazy.reset();
      throw new IllegalStateException("bug: field " + field.name + " of " + type.name + ", checked when the event"
          + " was read, cannot be decoded: " + e.getMessage(), e);
    }
  }

  @Override
  long rawIntegral(int index) {
    return slots[index];
  }

  @Override
  public String toString() {
    return type == null ? "no event yet" : type.name + fieldNames();
  }
}
