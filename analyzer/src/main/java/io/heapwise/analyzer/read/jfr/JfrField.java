// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

/** One field of a type, as the chunk's metadata declares it, with what decoding it takes worked out once. */
final class JfrField {

  static final int BOOLEAN = 0;
  static final int BYTE = 1;
  static final int SHORT = 2;
  static final int CHAR = 3;
  static final int INT = 4;
  static final int LONG = 5;
  static final int FLOAT = 6;
  static final int DOUBLE = 7;
  static final int STRING = 8;
  /** A key into the constant pool of the field's type. */
  static final int POOL = 9;
  /** A struct written in place. */
  static final int STRUCT = 10;
  /** An array of any of the above; {@link #elementKind} says which. */
  static final int ARRAY = 11;

  /** Interned, so that callers' literal names match by identity. */
  final String name;
  final long typeId;
  final boolean array;
  final boolean constantPool;
  JfrType type;
  boolean unsigned;
  /** The {@code jdk.jfr.Timespan} unit, {@code null} when the field is not a timespan. */
  String timespanUnit;
  int elementKind;
  int kind;

  JfrField(String name, long typeId, boolean array, boolean constantPool) {
    this.name = name.intern();
    this.typeId = typeId;
    this.array = array;
    this.constantPool = constantPool;
  }

  /** Called once all types are known. */
  void resolve(JfrType fieldType) {
    type = fieldType;
    elementKind = constantPool ? POOL : fieldType.kind;
    kind = array ? ARRAY : elementKind;
  }

  /** Byte, short, char, int or long, as stored (a pool key is not integral: it stands for its entry). */
  boolean integral() {
    return kind >= BYTE && kind <= LONG;
  }
}
