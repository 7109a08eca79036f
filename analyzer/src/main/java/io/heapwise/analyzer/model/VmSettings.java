// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.Map;

/**
 * The JVM's configuration as the recording states it ({@code jdk.*Flag}, {@code jdk.GCHeapConfiguration}): what
 * detectors need to compute layouts, humongous thresholds and stack reservations for <em>that</em> JVM, not
 * for the one running the analyzer.
 *
 * @param flags every {@code -XX} flag the recording lists, by name, as text
 * @param compressedOops {@code null} when the recording does not say
 * @param objectAlignmentBytes {@code -1} when the recording does not say
 */
public record VmSettings(Map<String, String> flags, Boolean compressedOops, int objectAlignmentBytes) {

  public VmSettings {
    flags = Map.copyOf(flags);
  }

  public static final VmSettings UNKNOWN = new VmSettings(Map.of(), null, -1);

  /** A numeric flag's value, or {@code fallback} when the recording does not list it. */
  public long longFlag(String name, long fallback) {
    String value = flags.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** A boolean flag's value, or {@code null} when the recording does not list it. */
  public Boolean booleanFlag(String name) {
    String value = flags.get(name);
    return value == null ? null : Boolean.valueOf(value);
  }

  /** G1's region size in bytes, or {@code -1} when the recording does not state it (or G1 is not in use). */
  public long g1RegionBytes() {
    return longFlag("G1HeapRegionSize", -1);
  }

  /** The thread stack size {@code -Xss} in bytes, or {@code -1} when unknown. HotSpot's flag counts KB. */
  public long threadStackBytes() {
    long kb = longFlag("ThreadStackSize", -1);
    return kb < 0 ? -1 : kb * 1024;
  }
}
