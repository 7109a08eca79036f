// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

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
 */
public record JitActivity(Map<MethodId, Integer> highestLevel, boolean everyCompilationRecorded,
    List<InliningDecision> c2Inlining) {

  public static final int C2_LEVEL = 4;
  public static final JitActivity NONE = new JitActivity(Map.of(), false, List.of());

  public JitActivity {
    highestLevel = Map.copyOf(highestLevel);
    c2Inlining = List.copyOf(c2Inlining);
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
