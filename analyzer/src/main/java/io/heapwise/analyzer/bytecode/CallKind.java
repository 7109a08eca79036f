// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

/** The instruction (or mechanism) through which an object is passed to a callee. */
public enum CallKind {
  /** {@code invokestatic}. */
  STATIC,
  /** {@code invokespecial} of a private method or a {@code super.m()} call. */
  SPECIAL,
  /** {@code invokespecial} of a constructor: the object is the receiver being initialised, or an argument. */
  CONSTRUCTOR,
  /** {@code invokevirtual}. */
  VIRTUAL,
  /** {@code invokeinterface}. */
  INTERFACE,
  /** {@code invokedynamic}: string concatenation, record methods, a lambda's creation. */
  DYNAMIC,
  /** The body of a lambda, run through its functional interface: the object was captured by it or passed to it. */
  LAMBDA_BODY
}
