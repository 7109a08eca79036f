// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

/**
 * What C2 decided, every time it decided, about one call: inline the callee or keep the call, and the reason it
 * gave ({@code jdk.CompilerInlining}'s message, e.g. {@code hot method too big}, {@code no static binding}).
 *
 * @param caller the method holding the call (itself possibly inlined into the method being compiled)
 * @param bytecodeIndex the call's index in the caller's bytecode
 * @param succeeded whether the callee was inlined
 * @param compilations how many C2 compilations made this same decision
 */
public record InliningDecision(MethodId caller, int bytecodeIndex, MethodId callee, boolean succeeded,
    String message, int compilations) {
}
