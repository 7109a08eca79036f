// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

/** One type of the chunk's metadata: a primitive, a string, a struct or an event. */
final class JfrType {

  static final String EVENT_SUPER_TYPE = "jdk.jfr.Event";

  final long id;
  final String name;
  final boolean event;
  final boolean simpleType;
  JfrField[] fields = new JfrField[0];
  /** Each field's {@link JfrField#kind}, in one array for the walk over an event's fields. */
  int[] kinds = new int[0];
  /** For each pool-reference field, the pool it refers to (null when the chunk has none); null for other fields. */
  ConstantPool[] fieldPools = new ConstantPool[0];
  /** How many fields, from the first, are read as longs: the leading ticks, then longs and pool keys. */
  int longPrefix;
  /** Each field's interned name, in one array for look-ups by name. */
  String[] names = new String[0];
  /** How a value of this type is written in place: a primitive's or string's {@link JfrField} kind, or STRUCT. */
  int kind;
  /** Its entries in this chunk's constant pools; {@code null} when the chunk has none. */
  ConstantPool pool;
  /** For events: whether the current {@link JfrChunkReader#readEvents} call wants this type. */
  boolean wanted;
  /** Events of this type in the chunk, wanted or not, from the last {@code readEvents}. */
  long events;
  /** For events: the values before the fields proper, start time and duration, which are read as longs. */
  int leadingTicks;

  JfrType(long id, String name, String superType, boolean simpleType) {
    this.id = id;
    // Interned, so that comparing it with a literal, as a switch on the name does, is one identity check.
    this.name = name == null ? null : name.intern();
    this.event = EVENT_SUPER_TYPE.equals(superType);
    this.simpleType = simpleType;
  }

  /**
   * The index of the field, or -1. Names are interned, so a caller's literal is found by identity; other strings
   * by equality.
   */
  int indexOf(String fieldName) {
    String[] all = names;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == fieldName) {
        return i;
      }
    }
    for (int i = 0; i < all.length; i++) {
      if (all[i].equals(fieldName)) {
        return i;
      }
    }
    return -1;
  }

  /** Kinds of value in place, by type name; a type with fields is a struct whatever its name. */
  static int kindOf(String name, boolean hasFields) {
    if (hasFields) {
      return JfrField.STRUCT;
    }
    return switch (name) {
      case "boolean" -> JfrField.BOOLEAN;
      case "byte" -> JfrField.BYTE;
      case "short" -> JfrField.SHORT;
      case "char" -> JfrField.CHAR;
      case "int" -> JfrField.INT;
      case "long" -> JfrField.LONG;
      case "float" -> JfrField.FLOAT;
      case "double" -> JfrField.DOUBLE;
      case "java.lang.String" -> JfrField.STRING;
      default -> -1;
    };
  }
}
