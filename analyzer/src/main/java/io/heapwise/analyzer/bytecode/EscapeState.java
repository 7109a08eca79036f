// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

/**
 * How far an object gets from the method that allocated it, in the terms of C2's escape analysis (HotSpot's
 * {@code ConnectionGraph}), ordered from best to worst.
 */
public enum EscapeState {
  /** Used only in the method (and in objects that themselves do not escape): C2 may scalar-replace it. */
  NO_ESCAPE,
  /**
   * Passed to callees that do not let it escape: C2 can scalar-replace it only when it inlines every one of them;
   * otherwise it stays on the heap (the state C2's bytecode estimator gives arguments of calls it does not inline).
   */
  ARG_ESCAPE,
  /** Reachable from outside the method: a field, a static, an escaping array, the caller, unknown code. */
  GLOBAL_ESCAPE;

  EscapeState max(EscapeState other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
