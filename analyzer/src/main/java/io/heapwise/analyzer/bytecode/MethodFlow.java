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
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
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
 * <p>Tracked objects are numbered: an allocation or a call's result by its instruction's index, parameter {@code k}
 * by {@code -1 - k}, and whatever is read from parameter {@code k}'s fields or elements by
 * {@code -1 - MAX_PARAMS - k}, and whatever is held inside the object that the call at instruction {@code i} returned
 * by {@code -1 - 2 * MAX_PARAMS - i}. The analysed method itself ({@link Mode#TOP}) reports its allocations and call
 * results; a callee ({@link Mode#SUMMARY}) reports what it does with its parameters, for its callers.
 */
final class MethodFlow {

  enum Mode { TOP, SUMMARY }

  /** Reads from containers see what was stored in them; a store found late means one more pass. */
  private static final int MAX_PASSES = 4;
  private static final int MAX_PARAMS = 256;

  private final EscapeAnalysis analysis;
  private final EscapeAnalysis.Query query;
  private final EscapeAnalysis.LoadedClass owner;
  private final MethodNode method;
  private final int depth;
  private final Mode mode;
  private final ExactTypeHint hint;
  private final InsnList insns;
  private final int[] lines;
  private final int[] paramOfLocal;
  private final int paramCount;
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

  MethodFlow(EscapeAnalysis analysis, EscapeAnalysis.Query query, EscapeAnalysis.LoadedClass owner,
      MethodNode method, int depth, Mode mode, ExactTypeHint hint) {
    this.analysis = analysis;
    this.query = query;
    this.owner = owner;
    this.method = method;
    this.depth = depth;
    this.mode = mode;
    this.hint = hint;
    this.insns = method.instructions;
    this.lines = lines(insns);
    this.resultTypes = new String[insns.size()];
    boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    Type[] args = Type.getArgumentTypes(method.desc);
    this.paramCount = args.length + (isStatic ? 0 : 1);
    this.paramOfLocal = new int[Math.max(method.maxLocals, paramCount * 2 + 1)];
    java.util.Arrays.fill(paramOfLocal, -1);
    int local = 0;
    int k = 0;
    if (!isStatic) {
      paramOfLocal[local++] = k++;
    }
    for (Type arg : args) {
      paramOfLocal[local] = k++;
      local += arg.getSize();
    }
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
        fates.stored(stored.getKey(), container.getKey(), storeOf(stored.getValue()));
        if (unsettled) {
          fates.of(stored.getKey()).raise(EscapeState.GLOBAL_ESCAPE, EscapeRoute.ANALYSIS_LIMIT,
              "what is stored in " + describe(container.getKey()) + " did not settle in " + MAX_PASSES + " passes");
        }
      }
    }
    for (int node : fates.all().keySet().stream().mapToInt(Integer::intValue).toArray()) {
      if (isInterior(node)) {
        fates.interior(node, interiorOf(node));
      }
    }
    fates.resolve(this::describe);
    return this;
  }

  // ---- hooks for the interpreter

  FlowValue parameter(int local) {
    int k = local < paramOfLocal.length ? paramOfLocal[local] : -1;
    return k < 0 || k >= MAX_PARAMS ? FlowValue.UNTRACKED : FlowValue.of(paramNode(k));
  }

  FlowValue allocation(AbstractInsnNode insn) {
    return FlowValue.of(insns.indexOf(insn));
  }

  /** What reading a field or element of {@code container} may give: what was stored in it, or anything else. */
  FlowValue load(FlowValue container) {
    if (!container.isReference() || !container.tracked()) {
      return FlowValue.UNTRACKED;
    }
    int[] found = {};
    for (int source : container.sources()) {
      if (isParam(source)) {
        found = FlowValue.union(found, new int[] {contentNode(paramIndex(source))});
      } else if (isContent(source)) {
        found = FlowValue.union(found, new int[] {source});
      } else {
        int object = isInterior(source) ? interiorOf(source) : source;
        if (!isAllocation(object)) {
          // What a callee put inside the object it returned, at any depth: one node, whose fate is the object's
          // contents' fate (an iterator's elements are not the iterator, but they live in what it holds).
          found = FlowValue.union(found, new int[] {interiorNode(object)});
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
      if (c >= 0 || isInterior(c)) {
        addContents(isInterior(c) ? interiorOf(c) : c, value.sources(), insns.indexOf(insn));
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
    return calls.flow(call, insns.indexOf(call), values);
  }

  FlowValue dynamicResult(InvokeDynamicInsnNode call, List<? extends FlowValue> values) {
    int index = insns.indexOf(call);
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
    int n = insns.size();
    List<int[]> successors = adjacency(edges, n);
    List<int[]> handlers = adjacency(exceptionEdges, n);
    int[][] predecessors = Liveness.predecessors(n, successors, handlers);
    BitSet[] live = null;
    for (int i = 0; i < n; i++) {
      Frame<FlowValue> frame = frames[i];
      if (frame == null) {
        continue; // unreachable
      }
      AbstractInsnNode insn = insns.get(i);
      factsOf(insn, i, frame);
      if (predecessors[i].length >= 2) {
        if (live == null) {
          live = Liveness.liveIn(insns, successors, handlers, predecessors);
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
            "stored to field " + binary(field.owner) + "." + field.name + " at " + where(i), true);
      }
      case Opcodes.AASTORE -> storeFacts(top(frame, 0), top(frame, 2), EscapeRoute.ARRAY_STORE,
          "stored into an element of an array at " + where(i), true);
      case Opcodes.PUTSTATIC -> {
        FieldInsnNode field = (FieldInsnNode) insn;
        escape(top(frame, 0), EscapeRoute.STATIC_STORE,
            "stored to static field " + binary(field.owner) + "." + field.name + " at " + where(i), true);
      }
      case Opcodes.ARETURN -> returned(top(frame, 0), i);
      case Opcodes.ATHROW -> escape(top(frame, 0), EscapeRoute.THROWN, "thrown at " + where(i), true);
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
      if (isParam(c) && mode == Mode.SUMMARY && paramIndex(c) < Long.SIZE) {
        for (int s : value.sources()) {
          fates.of(s).storedInto |= 1L << paramIndex(c);
        }
      } else if (c < 0 && !isInterior(c)) {
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
      escape(value, EscapeRoute.RETURNED, "returned at " + where(i), true);
    } else {
      for (int s : sources) {
        fates.of(s).returned = true;
      }
    }
    int only = !value.other && sources.length == 1 && isParam(sources[0]) ? paramIndex(sources[0]) : -1;
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
    for (int i = 0; i < insns.size(); i++) {
      if (frames[i] != null && isAllocation(i)) {
        out.add(verdict(i, allocatedType(i), null));
      }
    }
    return out;
  }

  /** The verdicts on the objects returned by the calls at {@code line} (named {@code calleeName}, if given). */
  List<EscapeVerdict> resultVerdicts(int line, String calleeName) {
    List<EscapeVerdict> out = new ArrayList<>();
    for (int i = 0; i < insns.size(); i++) {
      if (frames[i] == null || lines[i] != line || !producesResult(i) || !calleeMatches(i, calleeName)
          || aliasedResults.get(i)) {
        continue;
      }
      String exact = exactTypeOf(i);
      String type = exact != null ? binary(exact) : Type.getReturnType(callDescriptor(i)).getClassName();
      out.add(verdict(i, type, producer(i)));
    }
    return out;
  }

  private EscapeVerdict verdict(int i, String type, String producedBy) {
    Fate fate = fates.of(i);
    String detail = fate.detail != null ? fate.detail
        : fate.state == EscapeState.NO_ESCAPE ? "used only in " + simpleName() + "." + method.name
        : "passed to callees that do not let it escape";
    return new EscapeVerdict(binary(owner.node().name), method.name, method.desc, lines[i], type, fate.state,
        fate.route, detail, fate.calls, fate.reachesMerge, constantArrayLength(i), producedBy);
  }

  /** What the callers of this method need to know of it. */
  CalleeSummary summary() {
    List<ParamFate> params = new ArrayList<>(paramCount);
    List<ParamFate> held = new ArrayList<>(paramCount);
    for (int k = 0; k < paramCount; k++) {
      Fate fate = k < MAX_PARAMS ? fates.all().get(paramNode(k)) : null;
      params.add(fate == null ? ParamFate.UNUSED : fate.toParamFate());
      Fate read = k < MAX_PARAMS ? fates.all().get(contentNode(k)) : null;
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
    for (int i = 0; i < insns.size(); i++) {
      boolean wanted = results ? lines[i] == line && producesResult(i) && calleeMatches(i, calleeName)
          : isAllocation(i);
      if (wanted) {
        out.add(new EscapeVerdict(binary(owner.node().name), method.name, method.desc, lines[i],
            results ? Type.getReturnType(callDescriptor(i)).getClassName() : allocatedType(i),
            EscapeState.GLOBAL_ESCAPE, EscapeRoute.ANALYSIS_LIMIT, "the bytecode could not be analysed: " + reason,
            List.of(), false, results ? -1 : constantArrayLength(i), results ? producer(i) : null));
      }
    }
    return out;
  }

  // ---- tracked objects

  static int paramNode(int k) {
    return -1 - k;
  }

  static int contentNode(int k) {
    return -1 - MAX_PARAMS - k;
  }

  static boolean isParam(int node) {
    return node < 0 && node >= -MAX_PARAMS;
  }

  static int paramIndex(int node) {
    return -1 - node;
  }

  static boolean isContent(int node) {
    return node < -MAX_PARAMS && node >= -2 * MAX_PARAMS;
  }

  static int interiorNode(int result) {
    return -1 - 2 * MAX_PARAMS - result;
  }

  static boolean isInterior(int node) {
    return node < -2 * MAX_PARAMS;
  }

  static int interiorOf(int node) {
    return -1 - 2 * MAX_PARAMS - node;
  }

  boolean isAllocation(int node) {
    if (node < 0) {
      return false;
    }
    AbstractInsnNode insn = insns.get(node);
    return switch (insn.getOpcode()) {
      case Opcodes.NEW, Opcodes.NEWARRAY, Opcodes.ANEWARRAY, Opcodes.MULTIANEWARRAY -> true;
      case Opcodes.INVOKEDYNAMIC -> isLambda(node);
      default -> false;
    };
  }

  boolean isLambda(int node) {
    return node >= 0 && insns.get(node) instanceof InvokeDynamicInsnNode call
        && CallSites.dynamicKind(call) == CallSites.Dynamic.LAMBDA;
  }

  InvokeDynamicInsnNode lambdaAt(int node) {
    return (InvokeDynamicInsnNode) insns.get(node);
  }

  private boolean producesResult(int i) {
    AbstractInsnNode insn = insns.get(i);
    if (insn instanceof MethodInsnNode || insn instanceof InvokeDynamicInsnNode && !isLambda(i)) {
      int sort = Type.getReturnType(callDescriptor(i)).getSort();
      return sort == Type.OBJECT || sort == Type.ARRAY;
    }
    return false;
  }

  private boolean calleeMatches(int i, String calleeName) {
    AbstractInsnNode insn = insns.get(i);
    String name = insn instanceof MethodInsnNode call ? call.name : ((InvokeDynamicInsnNode) insn).name;
    return calleeName == null || calleeName.equals(name);
  }

  private String callDescriptor(int i) {
    AbstractInsnNode insn = insns.get(i);
    return insn instanceof MethodInsnNode call ? call.desc : ((InvokeDynamicInsnNode) insn).desc;
  }

  private String producer(int i) {
    AbstractInsnNode insn = insns.get(i);
    if (insn instanceof MethodInsnNode call) {
      return binary(call.owner) + "." + call.name + call.desc;
    }
    InvokeDynamicInsnNode dynamic = (InvokeDynamicInsnNode) insn;
    return "invokedynamic " + binary(dynamic.bsm.getOwner()) + "." + dynamic.name + dynamic.desc;
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
    AbstractInsnNode insn = insns.get(node);
    if (insn.getOpcode() == Opcodes.NEW) {
      return ((TypeInsnNode) insn).desc;
    }
    if (hint.internalName() != null && lines[node] == hint.line() && producesResult(node)
        && calleeMatches(node, hint.calleeName())) {
      return hint.internalName();
    }
    return resultTypes[node];
  }

  private String allocatedType(int i) {
    AbstractInsnNode insn = insns.get(i);
    return switch (insn.getOpcode()) {
      case Opcodes.NEW -> binary(((TypeInsnNode) insn).desc);
      case Opcodes.ANEWARRAY -> Type.getObjectType(((TypeInsnNode) insn).desc).getClassName() + "[]";
      case Opcodes.NEWARRAY -> MethodAllocations.primitiveArray(((org.objectweb.asm.tree.IntInsnNode) insn).operand);
      case Opcodes.MULTIANEWARRAY -> Type.getType(((org.objectweb.asm.tree.MultiANewArrayInsnNode) insn).desc)
          .getClassName();
      default -> binary(owner.node().name) + "$$Lambda";
    };
  }

  private int constantArrayLength(int i) {
    int op = insns.get(i).getOpcode();
    if (op != Opcodes.NEWARRAY && op != Opcodes.ANEWARRAY) {
      return -1;
    }
    AbstractInsnNode previous = insns.get(i).getPrevious();
    while (previous != null && previous.getOpcode() < 0) {
      previous = previous.getPrevious();
    }
    Integer length = previous == null ? null : switch (previous.getOpcode()) {
      case Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3, Opcodes.ICONST_4,
          Opcodes.ICONST_5 -> previous.getOpcode() - Opcodes.ICONST_0;
      case Opcodes.BIPUSH, Opcodes.SIPUSH -> ((org.objectweb.asm.tree.IntInsnNode) previous).operand;
      case Opcodes.LDC -> ((org.objectweb.asm.tree.LdcInsnNode) previous).cst instanceof Integer value ? value : null;
      default -> null;
    };
    return length == null || length < 0 ? -1 : length;
  }

  // ---- words for developers

  String describe(int node) {
    if (isParam(node)) {
      int k = paramIndex(node);
      return k == 0 && (method.access & Opcodes.ACC_STATIC) == 0 ? "this" : "parameter " + k;
    }
    if (isContent(node)) {
      return "an object read from parameter " + (-1 - MAX_PARAMS - node);
    }
    if (isInterior(node)) {
      return "an object held by " + describe(interiorOf(node));
    }
    if (isLambda(node)) {
      return "the lambda created at " + where(node);
    }
    if (isAllocation(node)) {
      return "the " + allocatedType(node) + " allocated at " + where(node);
    }
    return "the object returned by " + producer(node).replaceFirst("\\(.*", "") + " at " + where(node);
  }

  private Fates.Store storeOf(int insn) {
    AbstractInsnNode at = insns.get(insn);
    return switch (at.getOpcode()) {
      case Opcodes.PUTFIELD -> new Fates.Store(insn, EscapeRoute.FIELD_STORE,
          "stored at " + where(insn) + " to field " + ((FieldInsnNode) at).name + " of");
      case Opcodes.AASTORE -> new Fates.Store(insn, EscapeRoute.ARRAY_STORE, "stored at " + where(insn) + " into");
      case Opcodes.INVOKEDYNAMIC -> new Fates.Store(insn, EscapeRoute.CAPTURED_BY_LAMBDA, "captured by");
      default -> {
        MethodInsnNode call = (MethodInsnNode) at;
        EscapeRoute route = CallSites.isArraycopy(call) ? EscapeRoute.ARRAY_STORE : EscapeRoute.FIELD_STORE;
        yield new Fates.Store(insn, route, "stored by " + binary(call.owner) + "." + call.name + " at "
            + where(insn) + " into");
      }
    };
  }

  String where(int i) {
    String file = owner.node().sourceFile != null ? owner.node().sourceFile : simpleName();
    return file + ":" + lines[i];
  }

  int line(int i) {
    return lines[i];
  }

  AbstractInsnNode insn(int i) {
    return insns.get(i);
  }

  Fates fates() {
    return fates;
  }

  Mode mode() {
    return mode;
  }

  private String simpleName() {
    String name = owner.node().name;
    return name.substring(name.lastIndexOf('/') + 1);
  }

  static String binary(String internalName) {
    return internalName.replace('/', '.');
  }

  private static int[] lines(InsnList insns) {
    int[] out = new int[insns.size()];
    int line = -1;
    for (int i = 0; i < out.length; i++) {
      if (insns.get(i) instanceof LineNumberNode number) {
        line = number.line;
      }
      out[i] = line;
    }
    return out;
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
