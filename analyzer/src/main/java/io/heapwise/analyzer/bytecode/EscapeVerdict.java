// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import java.util.List;

/**
 * What the bytecode says about one allocation of a method: how far the object gets, by which route, and the calls
 * and control-flow merges on its path that decide whether C2 can scalar-replace it.
 *
 * @param className the analysed method's class, binary name
 * @param methodName the analysed method's name
 * @param methodDescriptor the analysed method's descriptor (overloads are told apart by it)
 * @param line the source line of the allocation ({@code new}, {@code newarray}, the lambda's creation), or of the
 *     call that returned the object; {@code -1} when the class has no line numbers
 * @param allocatedType the allocated class in binary notation, arrays as {@code int[]}; for a lambda the name its
 *     hidden class starts with ({@code com.acme.Foo$$Lambda}); for an object returned by a call, its exact class
 *     when known, else the call's declared return type
 * @param state how far it escapes
 * @param route by which way ({@link EscapeRoute#NONE} when it does not escape)
 * @param routeDetail one line a developer reads: {@code stored to field com.acme.Cache.last at Cache.java:40}
 * @param calls every call the object is passed to (receiver or argument), in order, each followed by the calls its
 *     callee passes it to ({@link CallOnPath#depth()} &gt; 1); bounded in length
 * @param reachesMerge whether the object flows into a control-flow merge together with another value (a phi): C2
 *     before JDK 22's {@code ReduceAllocationMerges} does not scalar-replace such an object
 * @param constantArrayLength the length of an array allocated with a constant length, else {@code -1}
 * @param producedBy for an object returned by a call ({@link EscapeAnalysis#ofReturnedBy}): that call, as
 *     {@code owner.name descriptor} with the owner in binary notation; {@code null} for allocations of the method
 */
public record EscapeVerdict(String className, String methodName, String methodDescriptor, int line,
    String allocatedType, EscapeState state, EscapeRoute route, String routeDetail, List<CallOnPath> calls,
    boolean reachesMerge, int constantArrayLength, String producedBy) {

  public EscapeVerdict {
    calls = List.copyOf(calls);
  }
}
