// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the JIT compilers did during the recording, as far as it recorded them: the evidence for why C2 did or did
 * not scalar-replace an allocation (it only does so in code it compiled, and only across calls it inlined).
 *
 * @param highestLevel per method, the highest tier a successful compilation reached (4 is C2), from
 *     {@code jdk.Compilation}
 * @param everyCompilationRecorded whether {@code jdk.Compilation} was recorded without a duration threshold, so
 *     that a method missing from {@code highestLevel} was not compiled during the recording (JDK's {@code profile}
 *     settings keep only compilations over 100 ms)
 * @param c2Inlining C2's inlining decisions ({@code jdk.CompilerInlining} of C2 compilations), one per distinct
 *     decision at a call, most frequent first; empty when the event was not recorded. C2 records none for a call it
 *     never considered inlining: a virtual call whose profile saw more receiver classes than it inlines (two)
 * @param firstC2EpochNanos per method, when the first C2 compilation that holds its code ended: compiled as the root
 *     or inlined into another method. From then on, C2's escape analysis could have removed its allocations.
 */
public record JitActivity(Map<MethodId, Integer> highestLevel, boolean everyCompilationRecorded,
    List<InliningDecision> c2Inlining, Map<MethodId, Long> firstC2EpochNanos) {

  public static final int C2_LEVEL = 4;
  public static final JitActivity NONE = new JitActivity(Map.of(), false, List.of(), Map.of());

  public JitActivity {
    highestLevel = Map.copyOf(highestLevel);
    c2Inlining = List.copyOf(c2Inlining);
    firstC2EpochNanos = Map.copyOf(firstC2EpochNanos);
  }

  /** When C2 first compiled code of {@code className.methodName} (any overload), if it did in the recording. */
  public OptionalLong firstC2(String className, String methodName) {
    return firstC2EpochNanos.entrySet().stream()
        .filter(e -> e.getKey().className().equals(className) && e.getKey().name().equals(methodName))
        .mapToLong(Map.Entry::getValue).min();
  }

  /** The highest tier {@code method} was compiled at, by class and name (any overload), if it was recorded. */
  public OptionalInt highestLevel(String className, String methodName) {
    return highestLevel.entrySet().stream()
        .filter(e -> e.getKey().className().equals(className) && e.getKey().name().equals(methodName))
        .mapToInt(Map.Entry::getValue).max();
  }

  /** C2's decisions about calls made from {@code className.methodName}, any overload. */
  public List<InliningDecision> decisionsIn(String className, String methodName) {
    return c2Inlining.stream()
        .filter(d -> d.caller().className().equals(className) && d.caller().name().equals(methodName))
        .toList();
  }
}
