// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.model.VmSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Object and array sizes on the recorded JVM, from its compressed-oops, class-pointer, compact-header and
 * alignment settings: a {@code java.util.ArrayList} is 24 bytes with compressed oops and 32 without, so sizes must
 * come from the recording, not from the JVM running the analyzer.
 *
 * @param refBytes 4 with compressed oops, else 8
 * @param headerBytes 12 with compressed class pointers, 8 with compact object headers (JDK 24+), else 16
 * @param arrayBaseBytes where an array's elements start: header plus the 4-byte length
 * @param alignment object alignment, 8 unless {@code -XX:ObjectAlignmentInBytes} says otherwise
 * @param assumptions settings the recording did not state and the defaults assumed for them
 */
record ObjectSizing(int refBytes, int headerBytes, int arrayBaseBytes, int alignment, List<String> assumptions) {

  ObjectSizing {
    assumptions = List.copyOf(assumptions);
  }

  static ObjectSizing of(VmSettings vm) {
    List<String> assumed = new ArrayList<>();
    Boolean compressedOops = vm.compressedOops() != null ? vm.compressedOops()
        : vm.booleanFlag("UseCompressedOops");
    if (compressedOops == null) {
      assumed.add("compressed oops assumed (the recording does not state UseCompressedOops)");
      compressedOops = true;
    }
    boolean compact = Boolean.TRUE.equals(vm.booleanFlag("UseCompactObjectHeaders"));
    // Compressed class pointers are on by default since they stopped depending on compressed oops (JDK 15).
    boolean compressedClassPointers = !Boolean.FALSE.equals(vm.booleanFlag("UseCompressedClassPointers"));
    int header = compact ? 8 : compressedClassPointers ? 12 : 16;
    int alignment = vm.objectAlignmentBytes() > 0 ? vm.objectAlignmentBytes()
        : (int) vm.longFlag("ObjectAlignmentInBytes", 8);
    int refBytes = compressedOops ? 4 : 8;
    // The length field follows the header; elements start at the next multiple of their own size.
    int arrayBase = alignUp(header + 4, refBytes);
    return new ObjectSizing(refBytes, header, arrayBase, alignment, assumed);
  }

  /** An array of {@code length} elements of {@code elementBytes} each, with header and alignment padding. */
  long arrayBytes(long length, int elementBytes) {
    return alignUp(alignUp(arrayBaseBytes, elementBytes) + length * elementBytes, alignment);
  }

  /** An object with {@code refs} reference fields and {@code primitiveBytes} of primitive fields. */
  long instanceBytes(int refs, int primitiveBytes) {
    return alignUp(headerBytes + (long) refs * refBytes + primitiveBytes, alignment);
  }

  /** The elements an array of {@code arrayBytes} holds: the inverse of {@link #arrayBytes}, rounded down. */
  long arrayLength(long arrayBytes, int elementBytes) {
    return Math.max(0, (arrayBytes - alignUp(arrayBaseBytes, elementBytes)) / elementBytes);
  }

  private static int alignUp(int value, int alignment) {
    return (value + alignment - 1) / alignment * alignment;
  }

  private static long alignUp(long value, long alignment) {
    return (value + alignment - 1) / alignment * alignment;
  }
}
