// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

/**
 * One type's constant-pool entries in a chunk: where each key's value is written, and the value once someone has
 * read it. Opening the chunk only indexes the entries (skipping them checks them); each is decoded on first use and
 * then shared, so an entry is one object however many events refer to it.
 */
final class ConstantPool {

  /** A chain of simple-type entries each standing for the next is followed this far, no further. */
  private static final int MAX_HOPS = 16;
  private static final byte UNREAD = 0;
  private static final byte READING = 1;
  private static final byte READ = 2;

  final JfrType type;
  private final Decoder decoder;
  private long[] keys = new long[16];
  /** Where each value is written; 0, inside the chunk header where no value can be, marks a free slot. */
  private int[] offsets = new int[16];
  private Object[] values = new Object[16];
  private byte[] states = new byte[16];
  private int size;

  ConstantPool(JfrType type, Decoder decoder) {
    this.type = type;
    this.decoder = decoder;
  }

  /** A key seen again replaces its earlier value, as in the JDK's reader. */
  void index(long key, int offset) {
    if (size * 2 >= keys.length) {
      grow();
    }
    int slot = slotOf(key, keys, offsets);
    if (offsets[slot] == 0) {
      size++;
    }
    keys[slot] = key;
    offsets[slot] = offset;
    values[slot] = null;
    states[slot] = UNREAD;
  }

  boolean contains(long key) {
    return offsets[slotOf(key, keys, offsets)] != 0;
  }

  int size() {
    return size;
  }

  /** The entry's value, or null when there is none (as the JDK's reader reads a reference to a missing key). */
  Object get(long key) {
    return get(key, 0);
  }

  private Object get(long key, int hops) {
    int slot = slotOf(key, keys, offsets);
    if (offsets[slot] == 0) {
      return null;
    }
    switch (states[slot]) {
      case READ:
        return values[slot];
      case READING:
        // An entry that refers back to itself: the JDK's reader gives null there too.
        return null;
      default:
        break;
    }
    states[slot] = READING;
    Object value;
    try {
      decoder.in.window(offsets[slot], decoder.in.chunkEnd());
      value = decoder.decodeValue(type);
    } catch (JfrFormatException e) {
      decoder.reset();
      throw new IllegalStateException("bug: an entry of pool " + type.name + " checked when the chunk was opened"
          + " cannot be decoded: " + e.getMessage(), e);
    }
    if (value instanceof PoolRef ref) {
      value = hops < MAX_HOPS ? ref.pool().get(ref.key(), hops + 1) : null;
    }
    values[slot] = value;
    states[slot] = READ;
    return value;
  }

  private static int slotOf(long key, long[] keys, int[] offsets) {
    int mask = keys.length - 1;
    long hash = key * 0x9E3779B97F4A7C15L;
    int slot = (int) (hash ^ hash >>> 32) & mask;
    while (offsets[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldOffsets = offsets;
    keys = new long[oldKeys.length * 2];
    offsets = new int[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    states = new byte[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldOffsets[i] != 0) {
        int slot = slotOf(oldKeys[i], keys, offsets);
        keys[slot] = oldKeys[i];
        offsets[slot] = oldOffsets[i];
      }
    }
  }
}
