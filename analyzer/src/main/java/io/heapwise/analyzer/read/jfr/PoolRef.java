// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

/** A constant-pool reference inside a decoded value, resolved when the value is read. */
record PoolRef(ConstantPool pool, long key) {

  Object resolve() {
    return pool.get(key);
  }

  /** The value as callers see it: references resolved, arrays copied so that no caller can change a shared one. */
  static Object resolved(Object value) {
    if (value instanceof PoolRef ref) {
      return ref.resolve();
    }
    if (value instanceof Object[] array) {
      Object[] copy = new Object[array.length];
      for (int i = 0; i < copy.length; i++) {
        copy[i] = resolved(array[i]);
      }
      return copy;
    }
    return value;
  }
}
