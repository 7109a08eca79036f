// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

/**
 * A value of a JFR struct type as the analyzer reads it, whichever parser decoded it: an event, or an object one of
 * its fields holds (a stack trace, a frame, a method, a class, a thread). The JDK's parser and Heapwise's own chunk
 * reader both present their values through this, so that one mapper turns either into the model.
 *
 * <p>Field values follow the JDK's {@code jdk.jfr.consumer.RecordedObject}: a type marked {@code simpleType} in the
 * recording's metadata (such as {@code jdk.types.Symbol}) stands for its one field's value, so a class's {@code name}
 * is a string, in the internal form the recording holds ({@code java/lang/String}).
 */
public interface JfrObject {

  /** The JFR type's name, e.g. {@code jdk.ObjectAllocationSample} or {@code jdk.types.StackTrace}. */
  String typeName();

  boolean hasField(String name);

  /**
   * An integral field (byte, short, char, int or long, timestamps and timespans as stored), widened to a long; a
   * field marked unsigned is zero-extended.
   *
   * @throws IllegalArgumentException when there is no such field or it is not integral
   */
  long getLong(String name);

  /** @throws IllegalArgumentException when there is no such field or it is not a boolean */
  boolean getBoolean(String name);

  /** A string field, {@code null} when it holds none. */
  String getString(String name);

  /** A timespan field in nanoseconds, whatever unit the recording stores it in. */
  long getDurationNanos(String name);

  /**
   * A struct or constant-pool field, {@code null} when it holds none. Within one chunk, the same constant-pool entry is
   * the same object, so callers may cache what they work out from it by identity.
   */
  JfrObject getObject(String name);

  /**
   * The index of a field for {@link #getLong(int)} and {@link #getObject(int)}, {@code -1} when there is none. An index
   * holds for every object of the same type in the same chunk, so a reader of millions of events looks its fields up
   * once per type rather than once per event.
   */
  int fieldIndex(String name);

  /** {@link #getLong(String)} of the field at {@code index}. */
  long getLong(int index);

  /** {@link #getObject(String)} of the field at {@code index}. */
  JfrObject getObject(int index);

  /**
   * What the one reader of this chunk's events worked out from this object and attached to it, or {@code null}. A
   * constant-pool object is the same object for every event that refers to it within its chunk, so the mapper keeps
   * a stack's attribution on the stack itself rather than in a map it would look up millions of times.
   */
  default Object attachment() {
    return null;
  }

  /**
   * Attaches {@code attachment}; {@code false} when this object cannot keep one (the JDK's values, seen through a new
   * view each time), and the caller must remember it elsewhere.
   */
  default boolean attach(Object attachment) {
    return false;
  }

  /**
   * Any field as a Java value: a boxed primitive (Byte, Short, Character, Integer, Long, Float, Double, Boolean), a
   * String, a {@link JfrObject}, or an {@code Object[]} for an array field; {@code null} when it holds none.
   */
  Object getValue(String name);
}
