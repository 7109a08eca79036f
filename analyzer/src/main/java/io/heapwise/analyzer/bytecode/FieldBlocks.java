// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import java.util.ArrayList;
import java.util.List;

/**
 * The free space of an object being laid out, as HotSpot's {@code FieldLayout} keeps it: gaps between placed fields
 * plus an unbounded tail. A field goes into the smallest gap that holds it at its natural alignment (the highest such
 * gap among equals, as HotSpot scans from the end), else at the tail.
 */
final class FieldBlocks {

  /** A free range {@code [offset, offset + size)}; the last one is the unbounded tail. */
  private static final class Gap {
    int offset;
    int size;

    Gap(int offset, int size) {
      this.offset = offset;
      this.size = size;
    }

    int adjustment(int alignment) {
      return offset % alignment == 0 ? 0 : alignment - offset % alignment;
    }

    boolean fits(int bytes, int alignment) {
      return size >= bytes + adjustment(alignment);
    }
  }

  private final List<Gap> gaps = new ArrayList<>();
  private int lastFailedSize = -1;

  FieldBlocks(int headerBytes) {
    gaps.add(new Gap(headerBytes, Integer.MAX_VALUE));
  }

  /** Starts a group of fields placed by one HotSpot {@code add} call (a class's primitives, then its references). */
  void newGroup() {
    lastFailedSize = -1;
  }

  /** Places the field; its size is its alignment, as for every Java field. */
  ClassLayout.Field place(ClassLayout.Field field) {
    int bytes = field.bytes();
    Gap tail = gaps.get(gaps.size() - 1);
    Gap chosen = null;
    // HotSpot skips the search when the previous field of the same size found no gap: none has appeared since.
    if (bytes != lastFailedSize) {
      for (int i = gaps.size() - 2; i >= 0; i--) {
        Gap gap = gaps.get(i);
        if (gap.fits(bytes, bytes) && (chosen == null || gap.size < chosen.size)) {
          chosen = gap;
        }
      }
    }
    lastFailedSize = chosen == null ? bytes : -1;
    if (chosen == null) {
      chosen = tail;
    }
    int index = gaps.indexOf(chosen);
    int adjustment = chosen.adjustment(bytes);
    if (adjustment > 0) {
      // The skipped bytes stay free for a smaller field.
      gaps.add(index++, new Gap(chosen.offset, adjustment));
      chosen.offset += adjustment;
      chosen.size -= chosen == tail ? 0 : adjustment;
    }
    int offset = chosen.offset;
    chosen.offset += bytes;
    if (chosen != tail) {
      chosen.size -= bytes;
      if (chosen.size == 0) {
        gaps.remove(index);
      }
    }
    return new ClassLayout.Field(field.declaringClass(), field.name(), field.type(), offset, bytes,
        field.reference());
  }

  /** The end of the last placed field (the tail's start). */
  int end() {
    return gaps.get(gaps.size() - 1).offset;
  }
}
