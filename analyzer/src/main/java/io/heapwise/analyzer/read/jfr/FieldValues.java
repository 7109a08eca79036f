// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

import java.util.ArrayList;
import java.util.List;

/** What structs and events share: finding a field by name and reading it as the JDK's {@code RecordedObject} does. */
abstract sealed class FieldValues implements JfrObject permits StructObject, EventView {

  abstract JfrType type();

  abstract TickClock clock();

  /** The field's value as {@link #getValue} gives it. */
  abstract Object value(int index);

  /** An integral field's value as written, before widening; only called for fields that are integral. */
  abstract long rawIntegral(int index);

  /** The names of the fields, in the order the metadata declares them. */
  final List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    for (JfrField field : type().fields) {
      names.add(field.name);
    }
    return names;
  }

  @Override
  public final String typeName() {
    return type().name;
  }

  @Override
  public final boolean hasField(String name) {
    return type().indexOf(name) >= 0;
  }

  @Override
  public final Object getValue(String name) {
    return value(indexOf(name));
  }

  @Override
  public long getLong(String name) {
    return integral(indexOf(name), name);
  }

  @Override
  public final boolean getBoolean(String name) {
    if (value(indexOf(name)) instanceof Boolean value) {
      return value;
    }
    throw new IllegalArgumentException("field " + name + " of " + type().name + " is not a boolean");
  }

  @Override
  public final String getString(String name) {
    Object value = value(indexOf(name));
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new IllegalArgumentException("field " + name + " of " + type().name + " is not a string");
  }

  @Override
  public JfrObject getObject(String name) {
    Object value = value(indexOf(name));
    if (value == null || value instanceof FieldValues) {
      return (JfrObject) value;
    }
    throw new IllegalArgumentException("field " + name + " of " + type().name + " is not a struct");
  }

  @Override
  public final int fieldIndex(String name) {
    return type().indexOf(name);
  }

  @Override
  public long getLong(int index) {
    return integral(index, type().fields[index].name);
  }

  @Override
  public JfrObject getObject(int index) {
    Object value = value(index);
    if (value == null || value instanceof JfrObject) {
      return (JfrObject) value;
    }
    throw new IllegalArgumentException("field " + type().fields[index].name + " of " + type().name
        + " is not a struct");
  }

  @Override
  public final long getDurationNanos(String name) {
    int index = indexOf(name);
    String unit = type().fields[index].timespanUnit;
    if (unit == null) {
      throw new IllegalArgumentException("field " + name + " of " + type().name + " is not a timespan");
    }
    long span = integral(index, name);
    // The JDK's reader keeps these as "forever" and its opposite, whatever the unit.
    if (span == 0 || span == Long.MAX_VALUE || span == Long.MIN_VALUE) {
      return span;
    }
    return switch (unit) {
      case "TICKS" -> clock().nanos(span);
      case "NANOSECONDS" -> span;
      case "MICROSECONDS" -> saturatedTimes(span, 1_000L);
      case "MILLISECONDS" -> saturatedTimes(span, 1_000_000L);
      case "SECONDS" -> saturatedTimes(span, 1_000_000_000L);
      default -> throw new IllegalArgumentException("field " + name + " of " + type().name
          + " has the unknown timespan unit " + unit);
    };
  }

  /**
   * Widens as the JDK's {@code getLong} does: a field marked unsigned is zero-extended; a char never is signed;
   * a simple type standing for an integer reads as that integer.
   */
  final long integral(int index, String name) {
    JfrField field = type().fields[index];
    if (index < type().leadingTicks) {
      return rawIntegral(index);
    }
    switch (field.kind) {
      case JfrField.BYTE:
        return field.unsigned ? rawIntegral(index) & 0xffL : (byte) rawIntegral(index);
      case JfrField.SHORT:
        return field.unsigned ? rawIntegral(index) & 0xffffL : (short) rawIntegral(index);
      case JfrField.CHAR:
        return (char) rawIntegral(index);
      case JfrField.INT:
        return field.unsigned ? rawIntegral(index) & 0xffff_ffffL : (int) rawIntegral(index);
      case JfrField.LONG:
        return rawIntegral(index);
      default:
        Object value = value(index);
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
          return ((Number) value).longValue();
        }
        if (value instanceof Character character) {
          return character;
        }
        throw notIntegral(name);
    }
  }

  final IllegalArgumentException notIntegral(String name) {
    return new IllegalArgumentException("field " + name + " of " + type().name + " is not an integer");
  }

  private static long saturatedTimes(long value, long factor) {
    long high = Math.multiplyHigh(value, factor);
    long low = value * factor;
    if (high == 0 && low >= 0 || high == -1 && low < 0) {
      return low;
    }
    return value > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
  }

  final int indexOf(String name) {
    int index = type().indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(type().name + " has no field " + name);
    }
    return index;
  }

  /** A primitive kept as a long, boxed as its declared type; unsigned ones stay as written, as in the JDK. */
  static Object boxed(int kind, long raw) {
    return switch (kind) {
      case JfrField.BOOLEAN -> raw != 0;
      case JfrField.BYTE -> (byte) raw;
      case JfrField.SHORT -> (short) raw;
      case JfrField.CHAR -> (char) raw;
      case JfrField.INT -> (int) raw;
      case JfrField.LONG -> raw;
      case JfrField.FLOAT -> Float.intBitsToFloat((int) raw);
      case JfrField.DOUBLE -> Double.longBitsToDouble(raw);
      default -> throw new IllegalStateException("kind " + kind + " is not a primitive");
    };
  }
}
