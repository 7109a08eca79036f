// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

/**
 * Skips or decodes values of the chunk's types at a {@link ChunkInput}'s cursor. Skipping checks everything decoding
 * would, so that a value once skipped without complaint can later be decoded lazily without one.
 *
 * <p>Decoded values are what {@link JfrObject#getValue} documents, except that a constant-pool reference is left as
 * a {@link PoolRef} until someone reads it: pool entries refer to one another, and resolving on access keeps the
 * decoding of one entry from pulling in others.
 */
final class Decoder {

  static final byte STRING_NULL = 0;
  static final byte STRING_EMPTY = 1;
  static final byte STRING_POOL = 2;
  static final byte STRING_UTF8 = 3;
  static final byte STRING_CHARS = 4;
  static final byte STRING_LATIN1 = 5;

  /** Structs written in place can only nest as deep as their types do; deeper means a type contains itself. */
  private static final int MAX_DEPTH = 64;

  final ChunkInput in;
  final TickClock clock;
  /** The type of {@code java.lang.String}, whose pool holds the strings written as references; may be null. */
  private final JfrType stringType;
  private int depth;

  Decoder(ChunkInput in, TickClock clock, JfrType stringType) {
    this.in = in;
    this.clock = clock;
    this.stringType = stringType;
  }

  void skipField(JfrField field) throws JfrFormatException {
    if (field.array) {
      int length = in.checkCount(in.readInt(), "array length");
      for (int i = 0; i < length; i++) {
        skipElement(field);
      }
    } else {
      skipElement(field);
    }
  }

  private void skipElement(JfrField field) throws JfrFormatException {
    if (field.constantPool) {
      in.skipInteger(Long.BYTES);
    } else {
      skipValue(field.type);
    }
  }

  void skipValue(JfrType type) throws JfrFormatException {
    switch (type.kind) {
      case JfrField.BOOLEAN, JfrField.BYTE -> in.skip(1);
      case JfrField.SHORT, JfrField.CHAR -> in.skipInteger(Short.BYTES);
      case JfrField.INT -> in.skipInteger(Integer.BYTES);
      case JfrField.LONG -> in.skipInteger(Long.BYTES);
      case JfrField.FLOAT -> in.skip(Float.BYTES);
      case JfrField.DOUBLE -> in.skip(Double.BYTES);
      case JfrField.STRING -> skipString();
      case JfrField.STRUCT -> {
        enter(type);
        for (JfrField field : type.fields) {
          skipField(field);
        }
        depth--;
      }
      default -> throw in.damaged("type " + type.name + " has no fields and is not a primitive");
    }
  }

  private void skipString() throws JfrFormatException {
    byte encoding = in.readByte();
    switch (encoding) {
      case STRING_NULL, STRING_EMPTY -> {
      }
      case STRING_POOL -> in.skipInteger(Long.BYTES);
      case STRING_UTF8, STRING_LATIN1 -> in.skip(in.checkCount(in.readInt(), "string length"));
      case STRING_CHARS -> {
        int length = in.checkCount(in.readInt(), "string length");
        for (int i = 0; i < length; i++) {
          in.skipInteger(Character.BYTES);
        }
      }
      default -> throw in.damaged("unknown string encoding " + encoding);
    }
  }

  Object decodeField(JfrField field) throws JfrFormatException {
    if (!field.array) {
      return decodeElement(field);
    }
    Object[] values = new Object[in.checkCount(in.readInt(), "array length")];
    for (int i = 0; i < values.length; i++) {
      values[i] = decodeElement(field);
    }
    return values;
  }

  private Object decodeElement(JfrField field) throws JfrFormatException {
    return field.constantPool ? poolRef(field.type, in.readLong()) : decodeValue(field.type);
  }

  Object decodeValue(JfrType type) throws JfrFormatException {
    return switch (type.kind) {
      case JfrField.BOOLEAN -> in.readBoolean();
      case JfrField.BYTE -> in.readByte();
      case JfrField.SHORT -> in.readShort();
      case JfrField.CHAR -> in.readChar();
      case JfrField.INT -> in.readInt();
      case JfrField.LONG -> in.readLong();
      case JfrField.FLOAT -> in.readFloat();
      case JfrField.DOUBLE -> in.readDouble();
      case JfrField.STRING -> decodeString();
      case JfrField.STRUCT -> decodeStruct(type);
      default -> throw in.damaged("type " + type.name + " has no fields and is not a primitive");
    };
  }

  private Object decodeStruct(JfrType type) throws JfrFormatException {
    enter(type);
    Object value;
    if (type.simpleType) {
      // A simple type stands for its one field's value, as in the JDK's reader (a Symbol is its string).
      value = decodeField(type.fields[0]);
    } else {
      Object[] values = new Object[type.fields.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = decodeField(type.fields[i]);
      }
      value = new StructObject(type, values, clock);
    }
    depth--;
    return value;
  }

  private Object decodeString() throws JfrFormatException {
    byte encoding = in.readByte();
    return switch (encoding) {
      case STRING_NULL -> null;
      case STRING_EMPTY -> "";
      case STRING_POOL -> poolRef(stringType, in.readLong());
      case STRING_UTF8 -> in.readString(in.readInt(), false);
      case STRING_LATIN1 -> in.readString(in.readInt(), true);
      case STRING_CHARS -> readChars(in);
      default -> throw in.damaged("unknown string encoding " + encoding);
    };
  }

  static String readChars(ChunkInput in) throws JfrFormatException {
    char[] chars = new char[in.checkCount(in.readInt(), "string length")];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = in.readChar();
    }
    return new String(chars);
  }

  /** A reference to a key the chunk has no entry for reads as null, as in the JDK's reader. */
  private static Object poolRef(JfrType type, long key) {
    ConstantPool pool = type == null ? null : type.pool;
    return pool == null || !pool.contains(key) ? null : new PoolRef(pool, key);
  }

  private void enter(JfrType type) throws JfrFormatException {
    if (++depth > MAX_DEPTH) {
      depth = 0;
      throw in.damaged("structs nest deeper than " + MAX_DEPTH + " levels (type " + type.name + " contains itself)");
    }
  }

  /** Resets after a failure part-way through a value. */
  void reset() {
    depth = 0;
  }
}
