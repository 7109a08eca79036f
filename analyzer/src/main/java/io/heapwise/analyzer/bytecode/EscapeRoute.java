// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

/**
 * The way an object reaches the place that decides its {@link EscapeState}: for a global escape the first store,
 * return, throw or call that lets it out (followed into callees: an object passed to a helper that stores it to a
 * static has the route {@link #STATIC_STORE}); for an argument escape the call it is passed to, or the object or
 * lambda it is stored in.
 */
public enum EscapeRoute {
  /** It does not escape: used by the method's own instructions only. */
  NONE,
  /** Passed, as receiver or argument, to a callee that does not let it escape (an argument escape). */
  PASSED_TO_CALLEE,
  /**
   * Stored into an instance field: of an object that escapes in turn, of a parameter's object, of an object read
   * from the heap, or by a callee into such a field. Stored into a field of an object that does not escape, it is
   * as good as that object (C2 follows fields of non-escaping objects).
   */
  FIELD_STORE,
  /** Stored into a static field. */
  STATIC_STORE,
  /**
   * Stored into an element of an array that escapes, or of an array that did not come from this method. Stored
   * into an array allocated here that does not escape, it is as good as the array (see {@link EscapeAnalysis}).
   */
  ARRAY_STORE,
  /** Returned to the caller, or stored inside the object that is returned. */
  RETURNED,
  /** Thrown. */
  THROWN,
  /**
   * Passed to code that cannot be read: an interface or abstract method whose receiver's class is not known, a class
   * missing from the class path, an invokedynamic other than a lambda, string concatenation or record method.
   */
  UNKNOWN_CALLEE,
  /** Passed to a native method other than the intrinsics C2 knows not to leak their arguments. */
  NATIVE_CALLEE,
  /** Passed down a call chain deeper than the analysis follows, or into a recursive call. */
  CALL_TOO_DEEP,
  /** Captured by a lambda (or a bound method reference): it escapes as the lambda object does. */
  CAPTURED_BY_LAMBDA,
  /**
   * The analysis stopped before deciding: a callee too large to analyse, the per-query work budget spent, or
   * bytecode the analyzer could not follow. Conservatively a global escape.
   */
  ANALYSIS_LIMIT
}
