// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects compiler events into a {@link JitActivity}. An inlining event names its compilation only by id, and which
 * compiler ran that compilation arrives in the {@code jdk.Compilation} event, committed when it ends and so often
 * read after its inlining events; decisions are kept with a few of their compilation ids and sorted out at the end.
 * Memory stays bounded by the number of distinct decisions (call sites times outcomes), not by recompilations.
 */
final class JitEvents {

  /** Enough ids to find a C2 compilation among the C1 ones that made the same decision. */
  private static final int IDS_PER_DECISION = 16;

  private record Key(MethodId caller, int bytecodeIndex, MethodId callee, boolean succeeded, String message) {
  }

  /** Per compilation: its tier, and when it ended if it succeeded (else {@code Long.MAX_VALUE}). */
  private final Map<Integer, long[]> compileById = new HashMap<>();
  private final Map<MethodId, Integer> highestLevel = new HashMap<>();
  /** When C2 first finished compiling each method as the root of a compilation. */
  private final Map<MethodId, Long> firstC2Root = new HashMap<>();
  private final Map<Key, int[]> compileIdsByDecision = new LinkedHashMap<>();
  private boolean everyCompilationRecorded;

  void compilation(MethodId method, int compileId, int level, boolean succeeded, long endEpochNanos) {
    compileById.put(compileId, new long[] {level, succeeded ? endEpochNanos : Long.MAX_VALUE});
    if (succeeded) {
      highestLevel.merge(method, level, Math::max);
      if (level == JitActivity.C2_LEVEL) {
        firstC2Root.merge(method, endEpochNanos, Math::min);
      }
    }
  }

  void inlining(int compileId, MethodId caller, int bytecodeIndex, MethodId callee, boolean succeeded,
      String message) {
    int[] ids = compileIdsByDecision.computeIfAbsent(
        new Key(caller, bytecodeIndex, callee, succeeded, message == null ? "" : message),
        k -> new int[IDS_PER_DECISION + 1]);
    if (ids[0] < IDS_PER_DECISION) {
      ids[++ids[0]] = compileId;
    }
  }

  /** Adds the events {@code later} collected, which were read after this one's. */
  void append(JitEvents later) {
    compileById.putAll(later.compileById);
    later.highestLevel.forEach((method, level) -> highestLevel.merge(method, level, Math::max));
    later.firstC2Root.forEach((method, end) -> firstC2Root.merge(method, end, Math::min));
    later.compileIdsByDecision.forEach((key, theirs) -> {
      int[] ids = compileIdsByDecision.computeIfAbsent(key, k -> new int[IDS_PER_DECISION + 1]);
      for (int i = 1; i <= theirs[0] && ids[0] < IDS_PER_DECISION; i++) {
        ids[++ids[0]] = theirs[i];
      }
    });
    everyCompilationRecorded |= later.everyCompilationRecorded;
  }

  void everyCompilationRecorded() {
    everyCompilationRecorded = true;
  }

  JitActivity activity() {
    Map<MethodId, Long> firstC2 = new HashMap<>(firstC2Root);
    List<InliningDecision> c2 = new ArrayList<>();
    compileIdsByDecision.forEach((key, ids) -> {
      int c2Compilations = 0;
      for (int i = 1; i <= ids[0]; i++) {
        long[] compile = compileById.get(ids[i]);
        if (compile != null && compile[0] == JitActivity.C2_LEVEL) {
          c2Compilations++;
          if (key.succeeded() && compile[1] != Long.MAX_VALUE) {
            firstC2.merge(key.callee(), compile[1], Math::min);
          }
        }
      }
      if (c2Compilations > 0) {
        c2.add(new InliningDecision(key.caller(), key.bytecodeIndex(), key.callee(), key.succeeded(), key.message(),
            c2Compilations));
      }
    });
    c2.sort(Comparator.comparingInt(InliningDecision::compilations).reversed());
    return new JitActivity(highestLevel, everyCompilationRecorded, c2, firstC2);
  }
}
