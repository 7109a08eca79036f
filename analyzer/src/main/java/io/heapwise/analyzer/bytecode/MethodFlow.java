// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import io.heapwise.analyzer.bytecode.CalleeSummary.ParamFate;
import io.heapwise.analyzer.bytecode.Fates.Fate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * One method's escape analysis: ASM's {@code Analyzer} with a {@link FlowInterpreter} follows every tracked object
 * through locals and the stack; then each instruction's frame says what happens to the objects it touches (stored,
 * returned, thrown, passed to a call, merged), and {@link Fates} settles what objects stored in objects become.
 *
 * <p>The analysed method itself ({@link Mode#TOP}) reports its allocations and call results; a callee
 * ({@link Mode#SUMMARY}) reports what it does with its parameters, for its callers. {@link MethodCode} numbers the
 * tracked objects.
 */
final class MethodFlow {

  enum Mode { TOP, SUMMARY }

  /** Reads from containers see what was stored in them; a store found late means one more pass. */
  private static final int MAX_PASSES = 4;

  private final EscapeAnalysis analysis;
  private final EscapeAnalysis.Query query;
  private final Hierarchy.LoadedClass owner;
  private final MethodNode method;
  private final int depth;
  private final Mode mode;
  private final ExactTypeHint hint;
  private final MethodCode code;
  private final CallSites calls;
  /** Container, then each object stored into it and the first instruction that did. */
  private final Map<Integer, Map<Integer, Integer>> contents = new TreeMap<>();
  private int contentsVersion;
  /** For call results: the exact class the callee returns, when its summary knows. */
  private final String[] resultTypes;
  private final BitSet aliasedResults = new BitSet();
  private final Set<Long> edges = new HashSet<>();
  private final Set<Long> exceptionEdges = new HashSet<>();
  private Frame<FlowValue>[] frames;
  private final Fates fates = new Fates();
  private boolean unsettled;
  /** {@code -2} before the first {@code areturn}; then the one parameter returned, or {@code -1}. */
  private int returnsOnlyParam = -2;
  private String returnedType;
  private boolean returnedTypeMixed;

  /** Which call results to treat as of a known class (the recording's allocated type). */
  record ExactTypeHint(int line, String calleeName, String internalName) {
    static final ExactTypeHint NONE = new ExactTypeHint(-1, null, null);
  }

  MethodFlow(EscapeAnalysis analysis, EscapeAnalysis.Query query, Hierarchy.LoadedClass owner,
      MethodNode method, int depth, Mode mode, ExactTypeHint hint) {
    this.analysis = analysis;
    this.query = query;
    this.owner = owner;
    this.method = method;
    this.depth = depth;
    this.mode = mode;
    this.hint = hint;
    this.code = new MethodCode(owner, method);
    this.resultTypes = new String[code.size()];
    this.calls = new CallSites(analysis, query, this, depth);
  }

  // ---- running the analysis

  /** Runs the data flow and settles every tracked object's fate. */
  MethodFlow run() throws AnalyzerException {
    FlowInterpreter interpreter = new FlowInterpreter(this);
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      int before = contentsVersion;
      Analyzer<FlowValue> analyzer = new Analyzer<>(interpreter) {
        @Override
        protected void newControlFlowEdge(int insn, int successor) {
          edges.add(((long) insn << 32) | successor);
        }

        @Override
        protected boolean newControlFlowExceptionEdge(int insn, int successor) {
          exceptionEdges.add(((long) insn << 32) | successor);
          return true;
        }
      };
      frames = analyzer.analyze(owner.node().name, method);
      if (contentsVersion == before) {
        break;
      }
      unsettled = pass == MAX_PASSES - 1;
    }
    collectFacts();
    for (Map.Entry<Integer, Map<Integer, Integer>> container : contents.entrySet()) {
      for (Map.Entry<Integer, Integer> stored : container.getValue().entrySet()) {
        fates.stored(stored.getKey(), container.getKey(), code.storeOf(stored.getValue()));
        if (unsettled) {
          fates.of(stored.getKey()).raise(EscapeState.GLOBAL_ESCAPE, EscapeRoute.ANALYSIS_LIMIT,
              "what is stored in " + code.describe(container.getKey()) + " did not settle in " + MAX_PASSES
                  + " passes");
        }
      }
    }
    for (int node : fates.all().keySet().stream().mapToInt(Integer::intValue).toArray()) {
      if (MethodCode.isInterior(node)) {
        fates.interior(node, MethodCode.interiorOf(node));
      }
    }
    fates.resolve(code::describe);
    return this;
  }

  // ---- hooks for the interpreter

  FlowValue parameter(int local) {
    int k = code.paramOfLocal(local);
    return k < 0 || k >= MethodCode.MAX_PARAMS ? FlowValue.UNTRACKED : FlowValue.of(MethodCode.paramNode(k));
  }

  FlowValue allocation(AbstractInsnNode insn) {
    return FlowValue.of(code.index(insn));
  }

  /** What reading a field or element of {@code container} may give: what was stored in it, or anything else. */
  FlowValue load(FlowValue container) {
    if (!container.isReference() || !container.tracked()) {
      return FlowValue.UNTRACKED;
    }
    int[] found = {};
    for (int source : container.sources()) {
      if (MethodCode.isParam(source)) {
        found = FlowValue.union(found, new int[] {MethodCode.contentNode(MethodCode.paramIndex(source))});
      } else if (MethodCode.isContent(source)) {
        found = FlowValue.union(found, new int[] {source});
      } else {
        int object = MethodCode.isInterior(source) ? MethodCode.interiorOf(source) : source;
        if (!code.isAllocation(object)) {
          // What a callee put inside the object it returned, at any depth: one node, whose fate is the object's
          // contents' fate (an iterator's elements are not the iterator, but they live in what it holds).
          found = FlowValue.union(found, new int[] {MethodCode.interiorNode(object)});
        }
        Map<Integer, Integer> held = contents.get(object);
        if (held != null) {
          found = FlowValue.union(found, held.keySet().stream().mapToInt(Integer::intValue).sorted().toArray());
        }
      }
    }
    return FlowValue.of(found, true);
  }

  /** {@code value} stored into a field or element of {@code container} (or moved there by a callee). */
  void store(FlowValue container, FlowValue value, AbstractInsnNode insn) {
    if (!container.isReference() || !value.isReference() || !value.tracked()) {
      return;
    }
    for (int c : container.sources()) {
      if (c >= 0 || MethodCode.isInterior(c)) {
        addContents(MethodCode.isInterior(c) ? MethodCode.interiorOf(c) : c, value.sources(), code.index(insn));
      }
    }
  }

  void addContents(int container, int[] sources, int insn) {
    Map<Integer, Integer> held = contents.computeIfAbsent(container, c -> new TreeMap<>());
    for (int source : sources) {
      if (source != container && held.putIfAbsent(source, insn) == null) {
        contentsVersion++;
      }
    }
  }

  FlowValue callResult(MethodInsnNode call, List<? extends FlowValue> values) {
    return calls.flow(call, code.index(call), values);
  }

  FlowValue dynamicResult(InvokeDynamicInsnNode call, List<? extends FlowValue> values) {
    int index = code.index(call);
    Type result = Type.getReturnType(call.desc);
    if (CallSites.dynamicKind(call) == CallSites.Dynamic.LAMBDA) {
      if (values.isEmpty()) {
        return FlowValue.UNTRACKED; // a non-capturing lambda is a constant: nothing is allocated
      }
      for (FlowValue captured : values) {
        if (captured.isReference()) {
          addContents(index, captured.sources(), index);
        }
      }
      return FlowValue.of(index);
    }
    return plainOrResult(result, index);
  }

  static FlowValue plain(Type type) {
    return switch (type.getSort()) {
      case Type.VOID -> null;
      case Type.LONG, Type.DOUBLE -> FlowValue.DOUBLE_WORD;
      case Type.OBJECT, Type.ARRAY -> FlowValue.UNTRACKED;
      default -> FlowValue.WORD;
    };
  }

  static FlowValue plainOrResult(Type type, int index) {
    int sort = type.getSort();
    return sort == Type.OBJECT || sort == Type.ARRAY ? FlowValue.of(index) : plain(type);
  }

  void resultType(int index, String internalName) {
    resultTypes[index] = internalName;
  }

  /** Whether the call at {@code index} returns one of its arguments only: then it creates no object. */
  void aliasedResult(int index, boolean aliased) {
    if (aliased) {
      aliasedResults.set(index);
    } else {
      aliasedResults.clear(index);
    }
  }

  // ---- what the instructions do with the objects (read from the final frames)

  private void collectFacts() {
    int n = code.size();
    List<int[]> successors = adjacency(edges, n);
    List<int[]> handlers = adjacency(exceptionEdges, n);
    int[][] predecessors = Liveness.predecessors(n, successors, handlers);
    BitSet[] live = null;
    for (int i = 0; i < n; i++) {
      Frame<FlowValue> frame = frames[i];
      if (frame == null) {
        continue; // unreachable
      }
      AbstractInsnNode insn = code.insn(i);
      factsOf(insn, i, frame);
      if (predecessors[i].length >= 2) {
        if (live == null) {
          live = Liveness.liveIn(method.instructions, successors, handlers, predecessors);
        }
        merges(frame, live[i]);
      }
    }
  }

  private void factsOf(AbstractInsnNode insn, int i, Frame<FlowValue> frame) {
    switch (insn.getOpcode()) {
      case Opcodes.PUTFIELD -> {
        FieldInsnNode field = (FieldInsnNode) insn;
        storeFacts(top(frame, 0), top(frame, 1), EscapeRoute.FIELD_STORE,
            "stored to field " + MethodCode.binary(field.owner) + "." + field.name + " at " + code.where(i), true);
      }
      case Opcodes.AASTORE -> storeFacts(top(frame, 0), top(frame, 2), EscapeRoute.ARRAY_STORE,
          "stored into an element of an array at " + code.where(i), true);
      case Opcodes.PUTSTATIC -> {
        FieldInsnNode field = (FieldInsnNode) insn;
        escape(top(frame, 0), EscapeRoute.STATIC_STORE,
            "stored to static field " + MethodCode.binary(field.owner) + "." + field.name + " at " + code.where(i),
            true);
      }
      case Opcodes.ARETURN -> returned(top(frame, 0), i);
      case Opcodes.ATHROW -> escape(top(frame, 0), EscapeRoute.THROWN, "thrown at " + code.where(i), true);
      case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE -> {
        MethodInsnNode call = (MethodInsnNode) insn;
        calls.facts(call, i, arguments(frame, call.desc, call.getOpcode() != Opcodes.INVOKESTATIC));
      }
      case Opcodes.INVOKEDYNAMIC -> {
        InvokeDynamicInsnNode call = (InvokeDynamicInsnNode) insn;
        calls.dynamicFacts(call, i, arguments(frame, call.desc, false));
      }
      default -> {
        // Loads, arithmetic, branches, monitors (C2 removes locks on objects that do not escape): no escape.
      }
    }
  }

  private static List<FlowValue> arguments(Frame<FlowValue> frame, String descriptor, boolean receiver) {
    int count = Type.getArgumentTypes(descriptor).length + (receiver ? 1 : 0);
    List<FlowValue> values = new ArrayList<>(count);
    int first = frame.getStackSize() - count;
    for (int k = 0; k < count; k++) {
      values.add(frame.getStack(first + k));
    }
    return values;
  }

  private static FlowValue top(Frame<FlowValue> frame, int below) {
    return frame.getStack(frame.getStackSize() - 1 - below);
  }

  /**
   * A store into a container that is not an object of this method: into a parameter's object (a callee reports it
   * to its callers; the analysed method's own parameters come from its caller, so the object escapes), into an
   * object read from the heap or of unknown origin (it escapes).
   */
  void storeFacts(FlowValue value, FlowValue container, EscapeRoute route, String text, boolean direct) {
    if (!value.isReference() || !value.tracked() || !container.isReference()) {
      return;
    }
    boolean elsewhere = container.other;
    for (int c : container.sources()) {
      if (MethodCode.isParam(c) && mode == Mode.SUMMARY && MethodCode.paramIndex(c) < Long.SIZE) {
        for (int s : value.sources()) {
          fates.of(s).storedInto |= 1L << MethodCode.paramIndex(c);
        }
      } else if (c < 0 && !MethodCode.isInterior(c)) {
        elsewhere = true; // stored into the object a call returned, or into what it holds: recorded as its contents
      }
    }
    if (elsewhere) {
      escape(value, route, text, direct);
    }
  }

  /** Every object {@code value} may be escapes: here ({@code direct}, an instruction of this method) or in a callee. */
  void escape(FlowValue value, EscapeRoute route, String text, boolean direct) {
    if (value.isReference()) {
      for (int s : value.sources()) {
        if (direct) {
          fates.of(s).escapesHere(route, text);
        } else {
          fates.of(s).raise(EscapeState.GLOBAL_ESCAPE, route, text);
        }
      }
    }
  }

  private void returned(FlowValue value, int i) {
    if (!value.isReference()) {
      return;
    }
    int[] sources = value.sources();
    if (mode == Mode.TOP) {
      escape(value, EscapeRoute.RETURNED, "returned at " + code.where(i), true);
    } else {
      for (int s : sources) {
        fates.of(s).returned = true;
      }
    }
    int only = !value.other && sources.length == 1 && MethodCode.isParam(sources[0])
        ? MethodCode.paramIndex(sources[0]) : -1;
    returnsOnlyParam = returnsOnlyParam == -2 || returnsOnlyParam == only ? only : -1;
    String exact = exactType(value);
    if (exact == null || returnedType != null && !returnedType.equals(exact)) {
      returnedTypeMixed = true;
    } else {
      returnedType = exact;
    }
  }

  /** A merge point: every live local and every stack slot that holds a tracked object and something else. */
  private void merges(Frame<FlowValue> frame, BitSet liveLocals) {
    for (int local = liveLocals.nextSetBit(0); local >= 0 && local < frame.getLocals();
        local = liveLocals.nextSetBit(local + 1)) {
      merge(frame.getLocal(local));
    }
    for (int s = 0; s < frame.getStackSize(); s++) {
      merge(frame.getStack(s));
    }
  }

  private void merge(FlowValue value) {
    if (!value.isReference()) {
      return;
    }
    int objects = 0;
    boolean others = value.other;
    for (int s : value.sources()) {
      if (s >= 0) {
        objects++;
      } else {
        others = true;
      }
    }
    if (objects + (others ? 1 : 0) >= 2) {
      for (int s : value.sources()) {
        if (s >= 0) {
          fates.of(s).reachesMerge = true;
        }
      }
    }
  }

  // ---- results

  /** The verdicts on this method's allocations ({@code new}, arrays, capturing lambdas). */
  List<EscapeVerdict> allocationVerdicts() {
    List<EscapeVerdict> out = new ArrayList<>();
    for (int i = 0; i < code.size(); i++) {
      if (frames[i] != null && code.isAllocation(i)) {
        out.add(verdict(i, code.allocatedType(i), null));
      }
    }
    return out;
  }

  /** The verdicts on the objects returned by the calls at {@code line} (named {@code calleeName}, if given). */
  List<EscapeVerdict> resultVerdicts(int line, String calleeName) {
    List<EscapeVerdict> out = new ArrayList<>();
    for (int i = 0; i < code.size(); i++) {
      if (frames[i] == null || code.line(i) != line || !code.producesResult(i) || !code.calleeMatches(i, calleeName)
          || aliasedResults.get(i)) {
        continue;
      }
      String exact = exactTypeOf(i);
      String type = exact != null ? MethodCode.binary(exact)
          : Type.getReturnType(code.callDescriptor(i)).getClassName();
      out.add(verdict(i, type, code.producer(i)));
    }
    return out;
  }

  private EscapeVerdict verdict(int i, String type, String producedBy) {
    Fate fate = fates.of(i);
    String detail = fate.detail != null ? fate.detail
        : fate.state == EscapeState.NO_ESCAPE ? "used only in " + code.simpleName() + "." + method.name
        : "passed to callees that do not let it escape";
    return new EscapeVerdict(MethodCode.binary(owner.node().name), method.name, method.desc, code.line(i), type,
        fate.state, fate.route, detail, fate.calls, fate.reachesMerge, code.constantArrayLength(i), producedBy);
  }

  /** What the callers of this method need to know of it. */
  CalleeSummary summary() {
    List<ParamFate> params = new ArrayList<>(code.paramCount());
    List<ParamFate> held = new ArrayList<>(code.paramCount());
    for (int k = 0; k < code.paramCount(); k++) {
      Fate fate = k < MethodCode.MAX_PARAMS ? fates.all().get(MethodCode.paramNode(k)) : null;
      params.add(fate == null ? ParamFate.UNUSED : fate.toParamFate());
      Fate read = k < MethodCode.MAX_PARAMS ? fates.all().get(MethodCode.contentNode(k)) : null;
      Fate passed = fate == null ? null : fate.contents;
      held.add(join(read, passed));
    }
    int only = returnsOnlyParam >= 0 ? returnsOnlyParam : -1;
    return new CalleeSummary(owner.codeLength(method), params, held, only, returnedTypeMixed ? null : returnedType);
  }

  private static ParamFate join(Fate a, Fate b) {
    if (a == null && b == null) {
      return ParamFate.UNUSED;
    }
    if (a == null || b == null) {
      return (a == null ? b : a).toParamFate();
    }
    Fate joined = new Fate();
    for (Fate f : List.of(a, b)) {
      joined.raise(f.state, f.route, f.detail);
      joined.returned |= f.returned;
      joined.inResult |= f.inResult;
      joined.storedInto |= f.storedInto;
      f.calls.forEach(joined::addCall);
    }
    return joined.toParamFate();
  }

  /** Without frames (the analysis failed): every allocation or call result at worst, and why. */
  List<EscapeVerdict> conservativeVerdicts(String reason, boolean results, int line, String calleeName) {
    List<EscapeVerdict> out = new ArrayList<>();
    for (int i = 0; i < code.size(); i++) {
      boolean wanted = results ? code.line(i) == line && code.producesResult(i) && code.calleeMatches(i, calleeName)
          : code.isAllocation(i);
      if (wanted) {
        out.add(new EscapeVerdict(MethodCode.binary(owner.node().name), method.name, method.desc, code.line(i),
            results ? Type.getReturnType(code.callDescriptor(i)).getClassName() : code.allocatedType(i),
            EscapeState.GLOBAL_ESCAPE, EscapeRoute.ANALYSIS_LIMIT, "the bytecode could not be analysed: " + reason,
            List.of(), false, results ? -1 : code.constantArrayLength(i), results ? code.producer(i) : null));
      }
    }
    return out;
  }

  /** The exact class of every object {@code value} may be, when they share one; else {@code null}. */
  String exactType(FlowValue value) {
    if (!value.isReference() || value.other || !value.tracked()) {
      return null;
    }
    String exact = null;
    for (int s : value.sources()) {
      String type = exactTypeOf(s);
      if (type == null || exact != null && !exact.equals(type)) {
        return null;
      }
      exact = type;
    }
    return exact;
  }

  private String exactTypeOf(int node) {
    if (node < 0) {
      return null;
    }
    AbstractInsnNode insn = code.insn(node);
    if (insn.getOpcode() == Opcodes.NEW) {
      return ((TypeInsnNode) insn).desc;
    }
    if (hint.internalName() != null && code.line(node) == hint.line() && code.producesResult(node)
        && code.calleeMatches(node, hint.calleeName())) {
      return hint.internalName();
    }
    return resultTypes[node];
  }

  Fates fates() {
    return fates;
  }

  MethodCode code() {
    return code;
  }

  Mode mode() {
    return mode;
  }

  private static List<int[]> adjacency(Set<Long> pairs, int n) {
    Map<Integer, List<Integer>> from = new HashMap<>();
    for (long pair : pairs) {
      from.computeIfAbsent((int) (pair >>> 32), k -> new ArrayList<>()).add((int) pair);
    }
    List<int[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Integer> targets = from.get(i);
      out.add(targets == null ? new int[0] : targets.stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }
}
