// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

/**
 * One type's constant-pool entries in a chunk: where each key's value is written, and the value once someone has
 * read it. Opening the chunk only indexes the entries (skipping them checks them); each is decoded on first use and
 * then shared, so an entry is one object however many events refer to it.
 *
 * <p>An open-addressing table, with each key beside its offset in one array, because a chunk's stack-trace pool can
 * have a hundred thousand entries and most look-ups then miss the CPU's caches: one miss for the key, one for the
 * value. Once the chunk is open, a pool whose keys are dense (HotSpot numbers threads, stacks and classes from 1
 * up) switches to arrays indexed by key, so that the look-up an event's thread, stack and class each take is one
 * subtraction and one load.
 */
final class ConstantPool {

  /** A chain of simple-type entries each standing for the next is followed this far, no further. */
  private static final int MAX_HOPS = 16;
  /** The value of an entry being decoded, so that an entry reached again through its own fields reads as null. */
  private static final Object READING = new Object();
  /** The value of an entry decoded as null (an empty simple type, say), told apart from one not yet decoded. */
  private static final Object NULL = new Object();

  final JfrType type;
  private final Decoder decoder;
  /** Key, then offset where its value is written; offset 0, inside the chunk header, marks a free slot. */
  private long[] table = new long[32];
  private Object[] values = new Object[16];
  private int size;
  /** When the keys are dense: the smallest key, and each key's offset at index key minus it; else null. */
  private long denseBase;
  private int[] denseOffsets;

  ConstantPool(JfrType type, Decoder decoder) {
    this.type = type;
    this.decoder = decoder;
  }

  /** A key seen again replaces its earlier value, as in the JDK's reader. */
  void index(long key, int offset) {
    if (size * 2 >= values.length) {
      grow();
    }
    int slot = slotOf(key, table);
    if (table[2 * slot + 1] == 0) {
      size++;
    }
    table[2 * slot] = key;
    table[2 * slot + 1] = offset;
  }

  int size() {
    return size;
  }

  /**
   * Switches to arrays indexed by key when the keys are dense enough for that to cost little memory: at most four
   * slots per entry plus 64 Ki, half a megabyte. A chunk's classes and threads are a few hundred keys spread over a
   * few thousand (HotSpot numbers them as they appear), and those are looked up for every allocation event.
   */
  void seal() {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 1; i < table.length; i += 2) {
      if (table[i] != 0) {
        min = Math.min(min, table[i - 1]);
        max = Math.max(max, table[i - 1]);
      }
    }
    if (size == 0 || max - min >= 4L * size + (1 << 16) || max - min >= 1 << 22) {
      return;
    }
    denseBase = min;
    denseOffsets = new int[(int) (max - min + 1)];
    for (int i = 1; i < table.length; i += 2) {
      if (table[i] != 0) {
        denseOffsets[(int) (table[i - 1] - min)] = (int) table[i];
      }
    }
    values = new Object[denseOffsets.length];
  }

  boolean contains(long key) {
    if (denseOffsets != null) {
      long index = key - denseBase;
      return index >= 0 && index < denseOffsets.length && denseOffsets[(int) index] != 0;
    }
    return table[2 * slotOf(key, table) + 1] != 0;
  }

  /** The entry's value, or null when there is none (as the JDK's reader reads a reference to a missing key). */
  Object get(long key) {
    return get(key, 0);
  }

  private Object get(long key, int hops) {
    int slot;
    int offset;
    if (denseOffsets != null) {
      long index = key - denseBase;
      if (index < 0 || index >= denseOffsets.length) {
        return null;
      }
      slot = (int) index;
      Object value = values[slot];
      if (value != null && value != READING) {
        return value == NULL ? null : value;
      }
      offset = denseOffsets[slot];
    } else {
      slot = slotOf(key, table);
      Object value = values[slot];
      if (value != null && value != READING) {
        return value == NULL ? null : value;
      }
      offset = (int) table[2 * slot + 1];
    }
    return offset == 0 ? null : decode(slot, offset, hops);
  }

  private Object decode(int slot, int offset, int hops) {
    if (values[slot] == READING) {
      // An entry that refers back to itself: the JDK's reader gives null there too.
      return null;
    }
    values[slot] = READING;
    Object value;
    try {
      decoder.in.window(offset, decoder.in.chunkEnd());
      value = decoder.decodeValue(type);
    } catch (JfrFormatException e) {
      decoder.reset();
      values[slot] = null;
      throw new IllegalStateException("bug: an entry of pool " + type.name + " checked when the chunk was opened"
          + " cannot be decoded: " + e.getMessage(), e);
    }
    if (value instanceof PoolRef ref) {
      value = hops < MAX_HOPS ? ref.pool().get(ref.key(), hops + 1) : null;
    }
    values[slot] = value == null ? NULL : value;
    return value;
  }

  private static int slotOf(long key, long[] table) {
    int mask = table.length / 2 - 1;
    long hash = key * 0x9E3779B97F4A7C15L;
    int slot = (int) (hash ^ hash >>> 32) & mask;
    while (table[2 * slot + 1] != 0 && table[2 * slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Only while the chunk is opened, before any value is decoded. */
  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    values = new Object[old.length];
    for (int i = 0; i < old.length; i += 2) {
      if (old[i + 1] != 0) {
        int slot = slotOf(old[i], table);
        table[2 * slot] = old[i];
        table[2 * slot + 1] = old[i + 1];
      }
    }
  }
}
