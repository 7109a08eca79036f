// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import java.util.Collections;
import java.util.List;

/**
 * What a method does with the objects it is given, as its callers need to know: for each parameter (index 0 is the
 * receiver of an instance method) and for the objects read from it, a {@link ParamFate}; and what it returns.
 * Computed once per method and remaining depth, then reused by every caller.
 *
 * @param codeSize the method's code length in bytes, {@code -1} when it has none
 * @param params one per parameter slot of the call (receiver first)
 * @param contents for each parameter, what happens to objects read from its fields or elements
 * @param returnsOnlyParam the parameter every {@code areturn} returns ({@code StringBuilder.append} returns
 *     {@code this}), else {@code -1}
 * @param returnedType the exact class (internal name) of every object it returns, when each is allocated in it
 *     ({@code ArrayList.iterator} returns an {@code ArrayList$Itr}); else {@code null}
 */
record CalleeSummary(int codeSize, List<ParamFate> params, List<ParamFate> contents, int returnsOnlyParam,
    String returnedType) {

  /** What the caller must assume of a callee it cannot read: every argument escapes, the same way. */
  static CalleeSummary conservative(int paramCount, EscapeRoute route, String detail) {
    ParamFate escapes = new ParamFate(EscapeState.GLOBAL_ESCAPE, route, detail, false, false, 0, List.of());
    List<ParamFate> all = Collections.nCopies(paramCount, escapes);
    return new CalleeSummary(-1, all, all, -1, null);
  }

  /**
   * What a call may do when it runs one of several methods (the implementations of an abstract method): for each
   * parameter the worst of them, and a result that is a parameter or of an exact class only when all agree.
   */
  static CalleeSummary join(List<CalleeSummary> all) {
    int params = all.stream().mapToInt(s -> s.params().size()).max().orElse(0);
    List<ParamFate> joinedParams = new java.util.ArrayList<>(params);
    List<ParamFate> joinedContents = new java.util.ArrayList<>(params);
    for (int k = 0; k < params; k++) {
      int index = k;
      joinedParams.add(ParamFate.join(all.stream().map(s -> s.param(index)).toList()));
      joinedContents.add(ParamFate.join(all.stream().map(s -> s.contentsOf(index)).toList()));
    }
    int only = all.stream().mapToInt(CalleeSummary::returnsOnlyParam).distinct().count() == 1
        ? all.get(0).returnsOnlyParam() : -1;
    String type = all.stream().map(CalleeSummary::returnedType).distinct().count() == 1
        ? all.get(0).returnedType() : null;
    int size = all.stream().mapToInt(CalleeSummary::codeSize).max().orElse(-1);
    return new CalleeSummary(size, joinedParams, joinedContents, only, type);
  }

  ParamFate param(int index) {
    return index < params.size() ? params.get(index) : ParamFate.UNKNOWN;
  }

  ParamFate contentsOf(int index) {
    return index < contents.size() ? contents.get(index) : ParamFate.UNKNOWN;
  }

  /**
   * One parameter's fate in the callee.
   *
   * @param state how far it escapes in the callee
   * @param route and by which route
   * @param detail the callee's account of the route, or {@code null}
   * @param returned it may be the value returned
   * @param inResult it may be stored inside the object returned
   * @param storedInto bit {@code q} set: it may be stored into a field or element of parameter {@code q}
   * @param calls the calls it is passed to inside the callee
   */
  record ParamFate(EscapeState state, EscapeRoute route, String detail, boolean returned, boolean inResult,
      long storedInto, List<CallOnPath> calls) {

    static final ParamFate UNUSED = new ParamFate(EscapeState.NO_ESCAPE, EscapeRoute.NONE, null, false, false, 0,
        List.of());
    static final ParamFate UNKNOWN = new ParamFate(EscapeState.GLOBAL_ESCAPE, EscapeRoute.UNKNOWN_CALLEE,
        "the callee takes fewer arguments than it is passed", false, false, 0, List.of());

    static ParamFate join(List<ParamFate> fates) {
      ParamFate worst = fates.get(0);
      boolean returned = false;
      boolean inResult = false;
      long storedInto = 0;
      List<CallOnPath> calls = new java.util.ArrayList<>();
      for (ParamFate fate : fates) {
        if (fate.state().compareTo(worst.state()) > 0) {
          worst = fate;
        }
        returned |= fate.returned();
        inResult |= fate.inResult();
        storedInto |= fate.storedInto();
        fate.calls().stream().limit(Math.max(0, Fates.MAX_CALLS - calls.size())).forEach(calls::add);
      }
      return new ParamFate(worst.state(), worst.route(), worst.detail(), returned, inResult, storedInto,
          List.copyOf(calls));
    }

    /** It stays in the callee: only used, or passed on to calls that keep it. */
    boolean contained() {
      return state != EscapeState.GLOBAL_ESCAPE && !returned && !inResult && storedInto == 0;
    }
  }
}
