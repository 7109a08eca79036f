// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.ObjectModel;

/**
 * How a JDK collection grows its backing array, as the JDK 17-25 sources do it. Simulating the policy tells how
 * many bytes a default-capacity instance allocates in its growth frames to reach {@code n} elements, and back.
 *
 * <p>For {@code ArrayList}, growth by 1.5x from 10 allocates arrays of 10, 15, 22, 33, ... up to the final
 * length L &ge; n; their lengths sum to L(1 + 2/3 + 4/9 + ...) = 3L, so reaching n elements allocates about 3n
 * references (plus a 16-byte header per array), of which only the last array (L) stays. For doubling policies
 * ({@code HashMap}, {@code StringBuilder}) the sum is 2L. In general, with growth ratio r, the last array is
 * (r - 1)/r of all growth bytes and presizing saves the other 1/r: 2/3 for 1.5x, 1/2 for 2x.
 */
enum GrowthPolicy {
  /** Lazy 10-element array on the first add, then old + old/2 ({@code ArrayList.grow}). */
  ARRAY_LIST(10, true, true, 1.5) {
    @Override
    int next(int length) {
      return length + (length >> 1);
    }
  },
  /** Lazy 16-slot table on the first put, doubled when size passes 0.75 of it ({@code HashMap.resize}). */
  HASH_MAP(16, true, true, 2.0) {
    @Override
    int next(int length) {
      return length << 1;
    }

    @Override
    long elementsHeld(long length) {
      return length * 3 / 4;
    }

    @Override
    long presizedLength(long elements) {
      long needed = (long) Math.ceil(elements / 0.75);
      return Math.max(1, Long.highestOneBit(Math.max(1, needed - 1)) << 1); // tables are powers of two
    }
  },
  /** 16 chars in the constructor, then 2 * old + 2 ({@code AbstractStringBuilder.newCapacity}); Latin-1 bytes. */
  STRING_BUILDER(16, false, false, 2.0) {
    @Override
    int next(int length) {
      return (length << 1) + 2;
    }
  },
  /** 17 slots in the constructor (one stays empty), then +old+2 below 64 and +old/2 above. */
  ARRAY_DEQUE(17, false, true, 1.5) {
    @Override
    int next(int length) {
      return length + (length < 64 ? length + 2 : length >> 1);
    }

    @Override
    long elementsHeld(long length) {
      return length - 1;
    }

    @Override
    long presizedLength(long elements) {
      return elements + 1;
    }
  },
  /** 32 bytes in the constructor, then doubled ({@code ByteArrayOutputStream.ensureCapacity}). */
  BYTE_STREAM(32, false, false, 2.0) {
    @Override
    int next(int length) {
      return length << 1;
    }
  },
  /** 10 slots in the constructor, then doubled (no capacity increment). */
  VECTOR(10, false, true, 2.0) {
    @Override
    int next(int length) {
      return length << 1;
    }
  },
  /** 11 slots in the constructor, then +old+2 below 64 and +old/2 above. */
  PRIORITY_QUEUE(11, false, true, 1.5) {
    @Override
    int next(int length) {
      return length + (length < 64 ? length + 2 : length >> 1);
    }
  },
  /** 64 slots (32 key-value pairs) in the constructor, doubled when 3 * size passes the table's length. */
  IDENTITY_HASH_MAP(64, false, true, 2.0) {
    @Override
    int next(int length) {
      return length << 1;
    }

    @Override
    long elementsHeld(long length) {
      return length / 3;
    }

    @Override
    long presizedLength(long elements) {
      return 2 * Long.highestOneBit(Math.max(2, elements * 3)); // two slots per key-value pair
    }
  };

  /** Arrays beyond this many elements are not simulated: no sensible capacity suggestion is that large. */
  private static final int MAX_LENGTH = 1 << 28;

  private final int firstLength;
  private final boolean firstArrayInGrowthFrame;
  private final boolean references;
  private final double ratio;

  GrowthPolicy(int firstLength, boolean firstArrayInGrowthFrame, boolean references, double ratio) {
    this.firstLength = firstLength;
    this.firstArrayInGrowthFrame = firstArrayInGrowthFrame;
    this.references = references;
    this.ratio = ratio;
  }

  /** The length of the array that replaces one of {@code length} when it is full. */
  abstract int next(int length);

  /** How many elements an array of {@code length} holds before the next growth. */
  long elementsHeld(long length) {
    return length;
  }

  /** The elements a default-capacity instance holds before its first growth. */
  long defaultCapacity() {
    return elementsHeld(firstLength);
  }

  int elementBytes(ObjectModel sizing) {
    return references ? sizing.referenceBytes() : 1;
  }

  /** The share of growth bytes presizing removes when the instance count is unknown: 1/r (see class comment). */
  double savedFraction() {
    return 1 / ratio;
  }

  String ratioText() {
    return ratio == 1.5 ? "1.5x" : "2x";
  }

  /** Bytes a default-capacity instance allocates in its growth frames while it fills to {@code elements}. */
  long growthBytes(long elements, ObjectModel sizing) {
    long bytes = firstArrayInGrowthFrame && elements > 0 ? array(firstLength, sizing) : 0;
    int length = firstLength;
    while (elementsHeld(length) < elements && length < MAX_LENGTH) {
      length = next(length);
      bytes += array(length, sizing);
    }
    return bytes;
  }

  /**
   * The elements a default-capacity instance ends up able to hold when it allocated {@code bytesPerInstance} in
   * growth frames: the capacity of the first step of the simulated growth whose cumulative bytes reach it.
   */
  long elementsForGrowthBytes(double bytesPerInstance, ObjectModel sizing) {
    long length = firstLength;
    long bytes = firstArrayInGrowthFrame ? array(firstLength, sizing) : 0;
    while (bytes < bytesPerInstance && length < MAX_LENGTH) {
      length = next((int) length);
      bytes += array(length, sizing);
    }
    return elementsHeld(length);
  }

  /** The elements the largest observed growth array holds, from its exact size in bytes. */
  long elementsForArrayBytes(long arrayBytes, ObjectModel sizing) {
    return elementsHeld(sizing.arrayLength(arrayBytes, elementBytes(sizing)));
  }

  /** The one array a presized instance allocates, in its constructor, to hold {@code elements}. */
  long presizedBytes(long elements, ObjectModel sizing) {
    return array(presizedLength(elements), sizing);
  }

  /** The array length the sized constructor ({@code new ArrayList<>(n)}, ...) allocates for {@code elements}. */
  long presizedLength(long elements) {
    return elements;
  }

  private long array(long length, ObjectModel sizing) {
    return sizing.arrayBytes(elementBytes(sizing), length);
  }
}
