// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

/**
 * A call an object is passed to, as receiver or argument, on its way through the analysed method and its callees.
 * C2 can scalar-replace the object only if it inlines every call on its path; these are the calls to check against
 * the recording's inlining decisions ({@code jdk.CompilerInlining}).
 *
 * @param owner the class whose code runs, in binary notation ({@code java.util.ArrayList}): the resolved target
 *     when it was found, else the class the instruction names
 * @param name the method's name ({@code <init>} for constructors)
 * @param descriptor the method's descriptor
 * @param line the source line of the call, in the method that makes it ({@code -1} when unknown)
 * @param kind how it is called
 * @param calleeBytecodeSize the code length of the resolved callee in bytes, {@code -1} when unknown or native: to
 *     compare with {@code MaxInlineSize} (35) and {@code FreqInlineSize} (325)
 * @param staticallyBound whether C2 can bind the call without a type profile: a static, private or final method,
 *     a method of a final class, a constructor, or a receiver whose exact class is known from its allocation (as
 *     once the allocation is inlined); a virtual or interface call otherwise needs a monomorphic profile to inline
 * @param calleeVerdict what the callee does with the object: {@link EscapeState#NO_ESCAPE} if it only uses it,
 *     {@link EscapeState#ARG_ESCAPE} if it passes it on to further callees that do not let it escape
 * @param depth {@code 1} for a call made by the analysed method, {@code 2} for a call made by that callee, and so on
 */
public record CallOnPath(String owner, String name, String descriptor, int line, CallKind kind,
    int calleeBytecodeSize, boolean staticallyBound, EscapeState calleeVerdict, int depth) {

  CallOnPath deeper() {
    return new CallOnPath(owner, name, descriptor, line, kind, calleeBytecodeSize, staticallyBound, calleeVerdict,
        depth + 1);
  }

  @Override
  public String toString() {
    return owner + "." + name + descriptor + " (line " + line + ", " + kind.name().toLowerCase(java.util.Locale.ROOT)
        + ", " + calleeBytecodeSize + " bytes, " + (staticallyBound ? "static" : "virtual") + ", depth " + depth
        + ": " + calleeVerdict + ")";
  }
}
