// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.model.AllocationSite;
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
    ArraySizes.ArraySize size = ArraySizes.at(input, site);
    return size == null ? Optional.empty() : Optional.of(new Size(size.bytes(), size.source(), Confidence.HIGH));
  }
}
