// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import io.heapwise.analyzer.model.VmSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * How the recorded JVM lays out objects: header, reference and alignment sizes as its flags say, not as the
 * analyzer's own JVM would. A 64-bit HotSpot is assumed (the only one JFR recordings of JDK 17+ come from in practice).
 *
 * @param headerBytes mark word plus class pointer: 8 with {@code UseCompactObjectHeaders} (JDK 24+), 12 with
 *     compressed class pointers, else 16
 * @param referenceBytes 4 with compressed oops, else 8
 * @param alignmentBytes {@code ObjectAlignmentInBytes}; every object size is a multiple of it
 * @param assumed the settings the recording did not state and the defaults taken for them; empty when all were stated
 */
public record ObjectModel(int headerBytes, int referenceBytes, int alignmentBytes, List<String> assumed) {

  /** HotSpot's defaults for heaps under 32 GB on JDK 17-25: compressed oops and class pointers, 8-byte alignment. */
  public static final ObjectModel DEFAULT = new ObjectModel(12, 4, 8, List.of());

  public ObjectModel {
    assumed = List.copyOf(assumed);
  }

  public static ObjectModel of(VmSettings vm) {
    List<String> assumed = new ArrayList<>();
    Boolean oops = vm.compressedOops() != null ? vm.compressedOops() : vm.booleanFlag("UseCompressedOops");
    if (oops == null) {
      assumed.add("UseCompressedOops=true");
      oops = true;
    }
    int alignment = vm.objectAlignmentBytes() > 0 ? vm.objectAlignmentBytes()
        : (int) vm.longFlag("ObjectAlignmentInBytes", -1);
    if (alignment <= 0) {
      assumed.add("ObjectAlignmentInBytes=8");
      alignment = 8;
    }
    int header;
    if (Boolean.TRUE.equals(vm.booleanFlag("UseCompactObjectHeaders"))) {
      header = 8;
    } else {
      Boolean classPointers = vm.booleanFlag("UseCompressedClassPointers");
      if (classPointers == null) {
        // JDK 25 may drop the flag (always on); before that it defaulted to on with compressed oops.
        assumed.add("UseCompressedClassPointers=true");
        classPointers = true;
      }
      header = classPointers ? 12 : 16;
    }
    return new ObjectModel(header, oops ? 4 : 8, alignment, assumed);
  }

  /** The array header: object header plus the 4-byte length, the elements aligned to their own size. */
  public int arrayHeaderBytes(int elementBytes) {
    int unaligned = headerBytes + 4;
    int elementAlignment = Math.min(Math.max(elementBytes, 1), 8);
    return (unaligned + elementAlignment - 1) / elementAlignment * elementAlignment;
  }

  /** The heap footprint of an array of {@code length} elements of {@code elementBytes} each. */
  public long arrayBytes(int elementBytes, long length) {
    return align(arrayHeaderBytes(elementBytes) + elementBytes * length);
  }

  /** The elements an array of {@code arrayBytes} holds: the inverse of {@link #arrayBytes}, rounded down. */
  public long arrayLength(long arrayBytes, int elementBytes) {
    return Math.max(0, (arrayBytes - arrayHeaderBytes(elementBytes)) / elementBytes);
  }

  /**
   * A plain object of {@code references} reference fields and {@code primitiveBytes} of primitive fields, without
   * the field packing {@link ClassLayout} does: exact for the JDK classes whose fields fill the words evenly.
   */
  public long instanceBytes(int references, long primitiveBytes) {
    return align(headerBytes + (long) references * referenceBytes + primitiveBytes);
  }

  /** One sentence for a confidence note when the recording did not state every setting, else empty. */
  public String assumptionNote() {
    return assumed.isEmpty() ? "" : "The recording does not state " + String.join(", ", assumed)
        + "; HotSpot's defaults were assumed.";
  }

  /** Rounds a size up to the object alignment. */
  public long align(long bytes) {
    return (bytes + alignmentBytes - 1) / alignmentBytes * alignmentBytes;
  }

  /** The size of one element of a Java array type ({@code int[]} -> 4, {@code Object[]} -> a reference). */
  public int elementBytes(String arrayType) {
    String element = arrayType.substring(0, arrayType.length() - 2);
    return switch (element) {
      case "long", "double" -> 8;
      case "int", "float" -> 4;
      case "short", "char" -> 2;
      case "byte", "boolean" -> 1;
      default -> referenceBytes;
    };
  }

  /** {@code 12-byte header, 4-byte references, 8-byte alignment}: for evidence. */
  public String describe() {
    return headerBytes + "-byte header, " + referenceBytes + "-byte references, " + alignmentBytes
        + "-byte alignment" + (assumed.isEmpty() ? "" : " (assumed " + String.join(", ", assumed) + ")");
  }
}
