// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.AllocationInstruction;
import io.heapwise.analyzer.bytecode.MethodAllocations;
import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.model.AllocationSite;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.model.LargeAllocationSite;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which sites allocate buffers, and how big they are. Shared by {@link PoolingCandidateDetector} and
 * {@link HotShortLivedDetector} because one rule decides between them: a buffer at or above
 * {@link PoolingCandidateDetector#MIN_BUFFER_BYTES} (or a direct buffer) is a pooling candidate, a smaller one is
 * a short-lived object to stop allocating, and one of unknown size gets neither piece of advice.
 */
final class BufferSizes {

  /** Bytes per element of primitive arrays; what a buffer is made of. */
  private static final Map<String, Integer> ELEMENT_BYTES = Map.of("byte[]", 1, "boolean[]", 1, "char[]", 2,
      "short[]", 2, "int[]", 4, "float[]", 4, "long[]", 8, "double[]", 8);
  /** Mark word, compressed class pointer and length: 16 bytes on 64-bit HotSpot, also without compressed oops. */
  private static final int ARRAY_HEADER_BYTES = 16;
  static final String DIRECT_BUFFER = "java.nio.DirectByteBuffer";

  /**
   * A size and how it was found.
   *
   * @param bytes the object's size in bytes (the largest seen when several)
   */
  record Size(long bytes, String measuredBy, Confidence confidence) {
  }

  private BufferSizes() {
  }

  /**
   * A primitive array the application allocates itself ({@code new byte[n]}, or through
   * {@code ByteBuffer.allocate}), or a direct buffer. Arrays made inside a JDK API ({@code String.split}'s
   * {@code byte[]}) are not: the application cannot reuse what the JDK allocates for it.
   */
  static boolean isBuffer(AllocationSite site) {
    String type = site.key().allocatedType();
    String mechanism = site.key().mechanism();
    if (DIRECT_BUFFER.equals(type)) {
      return true;
    }
    return ELEMENT_BYTES.containsKey(type)
        && (mechanism == null || mechanism.startsWith("ByteBuffer.allocate"));
  }

  /** The buffer's size, from the best evidence there is; empty when nothing says. */
  static Optional<Size> of(AllocationSite site, DetectionInput input) {
    if (site.exactSizes().count() > 0) {
      return Optional.of(new Size(site.exactSizes().max(), "exact sizes of " + site.exactSizes().count()
          + " TLAB allocation events", Confidence.HIGH));
    }
    Frame frame = site.key().appFrame();
    String type = site.key().allocatedType();
    if (frame != null && ELEMENT_BYTES.containsKey(type) && site.key().mechanism() == null) {
      Optional<List<AllocationInstruction>> instructions =
          MethodAllocations.of(input.classFiles(), frame.className(), frame.method());
      if (instructions.isPresent()) {
        long length = constantLength(instructions.get(), frame.line(), type);
        if (length >= 0) {
          return Optional.of(new Size(arrayBytes(type, length), "constant array length " + length + " at "
              + frame.sourceFileGuess() + ":" + frame.line() + " in the class file", Confidence.HIGH));
        }
      }
    }
    for (LargeAllocationSite large : input.profile().largeAllocationSites()) {
      if (frame != null && sameLine(frame, large.appFrame())) {
        return Optional.of(new Size(large.maxSizeBytes(), "jdk.AllocationRequiringGC at the same line (largest of "
            + large.count() + ")", Confidence.MEDIUM));
      }
    }
    return Optional.empty();
  }

  /** The array's size: header plus elements, aligned to 8 bytes as HotSpot lays it out. */
  static long arrayBytes(String type, long length) {
    long bytes = ARRAY_HEADER_BYTES + length * ELEMENT_BYTES.get(type);
    return (bytes + 7) & ~7L;
  }

  /**
   * The largest constant length of the arrays of {@code type} allocated on {@code line}, or {@code -1} when there
   * is none or one of them has a computed length (then the constant one may not be the one sampled).
   */
  static long constantLength(List<AllocationInstruction> instructions, int line, String type) {
    long longest = -1;
    for (AllocationInstruction instruction : instructions) {
      if (instruction.line() == line && instruction.type().equals(type)) {
        if (instruction.constantArrayLength() < 0) {
          return -1;
        }
        longest = Math.max(longest, instruction.constantArrayLength());
      }
    }
    return longest;
  }

  static boolean sameLine(Frame a, Frame b) {
    return b != null && a.className().equals(b.className()) && a.method().equals(b.method()) && a.line() == b.line();
  }
}
