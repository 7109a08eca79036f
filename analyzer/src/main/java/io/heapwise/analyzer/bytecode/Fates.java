// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import io.heapwise.analyzer.bytecode.CalleeSummary.ParamFate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The fates of a method's tracked objects: the facts its instructions establish for each one, then the fixed point
 * over "stored into": an object stored into another one (a field, an array element, a lambda's capture) escapes at
 * least as far as its container does, and as far as the callees its container is passed to let the container's
 * contents go. This is C2's points-to rule for fields of non-escaping objects, kept to one level of names.
 */
final class Fates {

  /** Calls kept per object: enough for a developer, bounded for a report. */
  static final int MAX_CALLS = 64;

  /** One tracked object's fate, as the facts so far establish it. */
  static final class Fate {
    EscapeState state = EscapeState.NO_ESCAPE;
    EscapeRoute route = EscapeRoute.NONE;
    String detail;
    boolean returned;
    boolean inResult;
    long storedInto;
    boolean reachesMerge;
    final List<CallOnPath> calls = new ArrayList<>();
    /** What callees this object is passed to do with the objects stored in it; {@code null} if none. */
    Fate contents;

    /** The route is one of the method's own instructions, not a callee's: see {@link #escapesHere}. */
    boolean direct;

    /**
     * A global escape by one of the method's own instructions (a store, a return, a throw). It names the route even
     * when a callee already let the object out (an exception's constructor reaches native code; the method throws
     * it): the developer changes this method, so its own way out is the one to show.
     */
    boolean escapesHere(EscapeRoute by, String why) {
      if (state == EscapeState.GLOBAL_ESCAPE && direct) {
        return false;
      }
      state = EscapeState.GLOBAL_ESCAPE;
      route = by;
      detail = why;
      direct = true;
      return true;
    }

    /** Worsens the state, keeping the first cause of the worst state; whether it changed. */
    boolean raise(EscapeState to, EscapeRoute by, String why) {
      if (to.compareTo(state) > 0) {
        state = to;
        route = by;
        detail = why;
        return true;
      }
      return false;
    }

    void addCall(CallOnPath call) {
      if (calls.size() < MAX_CALLS) {
        calls.add(call);
      }
    }

    Fate contents() {
      if (contents == null) {
        contents = new Fate();
      }
      return contents;
    }

    /**
     * Folds in a callee's account of a parameter: of this object, passed as that parameter ({@code passed}: at least
     * an argument escape), or of objects stored in this one, which the callee read from it.
     */
    void absorb(ParamFate fate, String via, boolean passed) {
      if (fate.state() == EscapeState.GLOBAL_ESCAPE) {
        raise(EscapeState.GLOBAL_ESCAPE, fate.route(), via + (fate.detail() == null ? "" : ", " + fate.detail()));
      } else if (passed || fate.state() == EscapeState.ARG_ESCAPE) {
        raise(EscapeState.ARG_ESCAPE, EscapeRoute.PASSED_TO_CALLEE, via);
      }
      // Its flags speak of the callee's parameters and result: the caller maps them onto its own values.
      fate.calls().forEach(call -> addCall(call.deeper()));
    }

    ParamFate toParamFate() {
      return new ParamFate(state, route, detail, returned, inResult, storedInto, List.copyOf(calls));
    }
  }

  /** Where an object was stored into a container: the instruction, and how a developer reads it. */
  record Store(int insn, EscapeRoute route, String text) {
  }

  private final Map<Integer, Fate> fates = new TreeMap<>();
  /** Container, then each object stored into it and how. */
  private final Map<Integer, Map<Integer, Store>> stores = new TreeMap<>();
  /** Nodes that stand for what a container holds, and that container. */
  private final Map<Integer, Integer> interiors = new TreeMap<>();

  Fate of(int node) {
    return fates.computeIfAbsent(node, n -> new Fate());
  }

  Map<Integer, Fate> all() {
    return fates;
  }

  private static String relation(boolean itself, EscapeState state) {
    if (state == EscapeState.GLOBAL_ESCAPE) {
      return itself ? ", which escapes: " : ", whose contents escape: ";
    }
    return itself ? ", which is passed on: " : ", whose contents are passed on: ";
  }

  /** Node {@code interior} stands for what {@code container} holds: its fate is the fate of those contents. */
  void interior(int interior, int container) {
    interiors.put(interior, container);
  }

  void stored(int object, int container, Store how) {
    stores.computeIfAbsent(container, c -> new TreeMap<>()).putIfAbsent(object, how);
  }

  /**
   * Propagates containers' fates to their contents until nothing changes (states and flags only grow, so this ends).
   *
   * @param describe a container's description ("the com.acme.Vec allocated at Geo.java:12")
   */
  void resolve(IntFunction<String> describe) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<Integer, Integer> entry : interiors.entrySet()) {
        Fate held = of(entry.getKey());
        Fate contents = of(entry.getValue()).contents();
        changed |= contents.raise(held.state, held.route, held.detail);
        if (held.returned && !contents.returned || held.inResult && !contents.inResult
            || (held.storedInto | contents.storedInto) != contents.storedInto) {
          contents.returned |= held.returned;
          contents.inResult |= held.inResult;
          contents.storedInto |= held.storedInto;
          changed = true;
        }
      }
      for (Map.Entry<Integer, Map<Integer, Store>> entry : stores.entrySet()) {
        Fate container = of(entry.getKey());
        Fate leaked = container.contents == null ? new Fate() : container.contents;
        EscapeState worst = container.state.max(leaked.state);
        String because = worst == container.state ? container.detail : leaked.detail;
        for (Map.Entry<Integer, Store> stored : entry.getValue().entrySet()) {
          Fate fate = of(stored.getKey());
          Store how = stored.getValue();
          String why = how.text() + " " + describe.apply(entry.getKey())
              + relation(worst == container.state, worst) + because;
          changed |= fate.raise(worst, how.route(), why);
          // A captured object is as good as its lambda: when the lambda decides its state, the capture is the route.
          if (how.route() == EscapeRoute.CAPTURED_BY_LAMBDA && fate.route != EscapeRoute.CAPTURED_BY_LAMBDA
              && !fate.direct && worst == fate.state) {
            fate.route = EscapeRoute.CAPTURED_BY_LAMBDA;
            fate.detail = worst == EscapeState.NO_ESCAPE
                ? how.text() + " " + describe.apply(entry.getKey()) + ", which does not escape" : why;
          }
          boolean inResult = container.returned || container.inResult || leaked.returned || leaked.inResult;
          if (inResult && !fate.inResult) {
            fate.inResult = true;
            changed = true;
          }
          long into = fate.storedInto | container.storedInto | leaked.storedInto;
          if (into != fate.storedInto) {
            fate.storedInto = into;
            changed = true;
          }
        }
      }
    }
    // The calls a lambda's body makes with what it captured are calls on the captured objects' path.
    for (Map.Entry<Integer, Map<Integer, Store>> entry : stores.entrySet()) {
      Fate container = of(entry.getKey());
      if (container.contents == null) {
        continue;
      }
      for (Map.Entry<Integer, Store> stored : entry.getValue().entrySet()) {
        if (stored.getValue().route() == EscapeRoute.CAPTURED_BY_LAMBDA) {
          container.contents.calls.forEach(of(stored.getKey())::addCall);
        }
      }
    }
  }
}
