// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import io.heapwise.analyzer.bytecode.CalleeSummary.ParamFate;
import io.heapwise.analyzer.bytecode.Fates.Fate;
import java.util.Collections;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The calls of one method: which code each runs (resolved through the class hierarchy, devirtualised when the
 * receiver's exact class is known, a lambda's body when the receiver is a lambda of this method), and what that
 * code does with the arguments, from its {@link CalleeSummary}: during the data flow (what the call returns, what it
 * stores where) and afterwards (how far each argument escapes, and the calls on its path).
 */
final class CallSites {

  /** The invokedynamic bootstraps the analysis knows. */
  enum Dynamic {
    /** {@code LambdaMetafactory}: allocates a lambda holding the captured arguments. */
    LAMBDA,
    /** {@code StringConcatFactory}: reads its arguments, returns a new String. */
    CONCAT,
    /** Record {@code ObjectMethods} and {@code SwitchBootstraps}: read their arguments. */
    READS,
    /** Anything else: its arguments may go anywhere. */
    UNKNOWN
  }

  /**
   * The code a call runs and what it does with its arguments.
   *
   * @param silent a call not worth listing (the empty {@code Object.<init>})
   * @param lambda for a call of a lambda of this method through its interface: the lambda's node, else {@code -1}
   * @param shift parameters of the body before the captured ones (1 for a constructor reference)
   * @param captured how many of the body's parameters the lambda captured
   */
  record Callee(String owner, String name, String descriptor, CallKind kind, int codeSize, boolean staticallyBound,
      CalleeSummary summary, boolean silent, boolean arraycopy, int lambda, int shift, int captured) {
  }

  private static final ParamFate ARRAYCOPY_ARRAY = new ParamFate(EscapeState.ARG_ESCAPE,
      EscapeRoute.PASSED_TO_CALLEE, "an intrinsic: C2 treats the arrays of System.arraycopy as ArgEscape", false,
      false, 0, List.of());

  private final EscapeAnalysis analysis;
  private final EscapeAnalysis.Query query;
  private final MethodFlow flow;
  private final int depth;

  CallSites(EscapeAnalysis analysis, EscapeAnalysis.Query query, MethodFlow flow, int depth) {
    this.analysis = analysis;
    this.query = query;
    this.flow = flow;
    this.depth = depth;
  }

  static Dynamic dynamicKind(InvokeDynamicInsnNode call) {
    return switch (call.bsm.getOwner()) {
      case "java/lang/invoke/LambdaMetafactory" -> Dynamic.LAMBDA;
      case "java/lang/invoke/StringConcatFactory" -> Dynamic.CONCAT;
      case "java/lang/runtime/ObjectMethods", "java/lang/runtime/SwitchBootstraps" -> Dynamic.READS;
      default -> Dynamic.UNKNOWN;
    };
  }

  static boolean isArraycopy(MethodInsnNode call) {
    return call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.equals("java/lang/System")
        && call.name.equals("arraycopy");
  }

  // ---- during the data flow

  /** The value a call leaves on the stack, and what it stores into the objects it is given. */
  FlowValue flow(MethodInsnNode call, int index, List<? extends FlowValue> values) {
    Type returnType = Type.getReturnType(call.desc);
    boolean reference = returnType.getSort() == Type.OBJECT || returnType.getSort() == Type.ARRAY;
    boolean anyTracked = values.stream().anyMatch(FlowValue::tracked);
    FlowValue result = MethodFlow.plainOrResult(returnType, index);
    if (!anyTracked && !(reference && flow.mode() == MethodFlow.Mode.TOP)) {
      return result;
    }
    Callee callee = callee(call, values);
    if (reference) {
      flow.resultType(index, callee.summary().returnedType());
    }
    if (!anyTracked || callee.silent()) {
      return result;
    }
    if (callee.lambda() >= 0) {
      return lambdaFlow(index, values, callee, result, reference);
    }
    CalleeSummary summary = callee.summary();
    int only = summary.returnsOnlyParam();
    boolean aliased = reference && only >= 0 && only < values.size() && values.get(only).isReference();
    flow.aliasedResult(index, aliased);
    if (aliased) {
      result = values.get(only); // StringBuilder.append returns its receiver: the result is that object
    }
    for (int k = 0; k < values.size(); k++) {
      FlowValue value = values.get(k);
      if (!value.tracked()) {
        continue;
      }
      result = effects(summary.param(k), value, values, index, reference, aliased, result);
      ParamFate held = summary.contentsOf(k);
      if (held.returned() || held.inResult() || held.storedInto() != 0) {
        result = effects(held, flow.load(value), values, index, reference, aliased, result);
      }
    }
    if (callee.arraycopy() && values.size() == 5) {
      flow.store(values.get(2), flow.load(values.get(0)), call); // the source's elements are now the target's
    }
    return result;
  }

  private FlowValue effects(ParamFate fate, FlowValue value, List<? extends FlowValue> values, int index,
      boolean reference, boolean aliased, FlowValue result) {
    long into = fate.storedInto();
    for (int q = 0; into != 0 && q < values.size() && q < Long.SIZE; q++) {
      if ((into & (1L << q)) != 0) {
        flow.store(values.get(q), value, flow.code().insn(index));
      }
    }
    if (reference && fate.inResult() && value.isReference()) {
      flow.addContents(index, value.sources(), index);
    }
    if (reference && fate.returned() && !aliased && value.isReference()) {
      return result.union(value, false);
    }
    return result;
  }

  private FlowValue lambdaFlow(int index, List<? extends FlowValue> values, Callee callee, FlowValue result,
      boolean reference) {
    CalleeSummary body = callee.summary();
    FlowValue captured = flow.load(values.get(0));
    for (int j = 0; j < callee.captured(); j++) {
      result = effects(noStores(body.param(callee.shift() + j)), captured, values, index, reference, false, result);
    }
    for (int k = 1; k < values.size(); k++) {
      ParamFate fate = noStores(body.param(callee.shift() + callee.captured() + k - 1));
      result = effects(fate, values.get(k), values, index, reference, false, result);
    }
    return result;
  }

  /** A lambda body's stores into its other parameters cannot be mapped onto the caller's values: facts say so. */
  private static ParamFate noStores(ParamFate fate) {
    return new ParamFate(fate.state(), fate.route(), fate.detail(), fate.returned(), fate.inResult(), 0,
        fate.calls());
  }

  // ---- after the data flow

  /** How far each tracked argument escapes through the call, and the calls on its path. */
  void facts(MethodInsnNode call, int index, List<FlowValue> values) {
    if (values.stream().noneMatch(FlowValue::tracked)) {
      return;
    }
    Callee callee = callee(call, values);
    if (callee.silent()) {
      return;
    }
    String where = flow.code().where(index);
    if (callee.lambda() >= 0) {
      lambdaFacts(call, index, values, callee);
      return;
    }
    String via = "passed to " + callee.owner() + "." + callee.name() + " at " + where;
    for (int k = 0; k < values.size(); k++) {
      FlowValue value = values.get(k);
      if (!value.isReference() || !value.tracked()) {
        continue;
      }
      ParamFate fate = callee.summary().param(k);
      passed(value, fate, path(callee, index, fate.state()), via, values);
      ParamFate held = callee.summary().contentsOf(k);
      if (!held.equals(ParamFate.UNUSED)) {
        for (int s : value.sources()) {
          Fate contents = flow.fates().of(s).contents();
          contents.absorb(held, via + ", which reads what it holds", false);
          if (held.storedInto() != 0) {
            contents.raise(EscapeState.GLOBAL_ESCAPE, EscapeRoute.FIELD_STORE,
                via + ", which moves what it holds into another object");
          }
        }
      }
    }
    if (callee.arraycopy() && values.size() == 5) {
      flow.storeFacts(flow.load(values.get(0)), values.get(2), EscapeRoute.ARRAY_STORE,
          "copied by System.arraycopy at " + where + " into an array from elsewhere", false);
    }
  }

  private void passed(FlowValue value, ParamFate fate, CallOnPath path, String via, List<FlowValue> values) {
    for (int s : value.sources()) {
      Fate of = flow.fates().of(s);
      of.addCall(path);
      of.absorb(fate, via, true);
    }
    long into = fate.storedInto();
    for (int q = 0; into != 0 && q < Long.SIZE; q++) {
      if ((into & (1L << q)) == 0) {
        continue;
      }
      if (values != null && q < values.size()) {
        flow.storeFacts(value, values.get(q), EscapeRoute.FIELD_STORE,
            via + ", which stores it into a field of an object from elsewhere", false);
      } else {
        flow.escape(value, EscapeRoute.FIELD_STORE, via + ", which stores it into another object", false);
      }
    }
  }

  private void lambdaFacts(MethodInsnNode call, int index, List<FlowValue> values, Callee callee) {
    String where = flow.code().where(index);
    String body = callee.owner() + "." + callee.name();
    Fate lambda = flow.fates().of(callee.lambda());
    lambda.addCall(new CallOnPath(MethodCode.binary(call.owner), call.name, call.desc, flow.code().line(index),
        kindOf(call), callee.codeSize(), true, EscapeState.NO_ESCAPE, 1));
    lambda.raise(EscapeState.ARG_ESCAPE, EscapeRoute.PASSED_TO_CALLEE,
        "its body " + body + " runs through " + call.name + " at " + where);
    CalleeSummary summary = callee.summary();
    for (int j = 0; j < callee.captured(); j++) {
      ParamFate fate = summary.param(callee.shift() + j);
      Fate held = lambda.contents();
      held.addCall(path(callee, index, fate.state()));
      held.absorb(fate, "passed to the lambda's body " + body + " at " + where, true);
      if (fate.storedInto() != 0) {
        held.raise(EscapeState.GLOBAL_ESCAPE, EscapeRoute.FIELD_STORE,
            "the lambda's body " + body + " stores what it captured into another object (" + where + ")");
      }
    }
    for (int k = 1; k < values.size(); k++) {
      FlowValue value = values.get(k);
      if (value.isReference() && value.tracked()) {
        ParamFate fate = summary.param(callee.shift() + callee.captured() + k - 1);
        passed(value, fate, path(callee, index, fate.state()), "passed to the lambda's body " + body + " at "
            + where, null);
      }
    }
  }

  private CallOnPath path(Callee callee, int index, EscapeState verdict) {
    return new CallOnPath(callee.owner(), callee.name(), callee.descriptor(), flow.code().line(index), callee.kind(),
        callee.codeSize(), callee.staticallyBound(), verdict, 1);
  }

  void dynamicFacts(InvokeDynamicInsnNode call, int index, List<FlowValue> values) {
    Dynamic kind = dynamicKind(call);
    if (kind == Dynamic.LAMBDA) {
      return; // the captured values are the lambda's contents, recorded during the data flow
    }
    for (FlowValue value : values) {
      if (!value.isReference() || !value.tracked()) {
        continue;
      }
      if (kind == Dynamic.UNKNOWN) {
        flow.escape(value, EscapeRoute.UNKNOWN_CALLEE, "passed to invokedynamic " + call.name + " (bootstrap "
            + MethodCode.binary(call.bsm.getOwner()) + "." + call.bsm.getName() + ") at "
            + flow.code().where(index), false);
      } else {
        CallOnPath path = new CallOnPath(MethodCode.binary(call.bsm.getOwner()), call.name, call.desc,
            flow.code().line(index), CallKind.DYNAMIC, -1, true, EscapeState.NO_ESCAPE, 1);
        for (int s : value.sources()) {
          flow.fates().of(s).addCall(path);
        }
      }
    }
  }

  // ---- which code runs

  Callee callee(MethodInsnNode call, List<? extends FlowValue> values) {
    int opcode = call.getOpcode();
    int count = values.size();
    String owner = call.owner;
    if (owner.startsWith("[")) {
      if (call.name.equals("clone")) {
        return intrinsic(call, CallKind.VIRTUAL, Collections.nCopies(count, ParamFate.UNUSED), false);
      }
      owner = "java/lang/Object";
    }
    if (owner.equals("java/lang/Object") && call.name.equals("<init>")) {
      return new Callee("java.lang.Object", "<init>", "()V", CallKind.CONSTRUCTOR, 1, true,
          new CalleeSummary(1, List.of(ParamFate.UNUSED), List.of(ParamFate.UNUSED), -1, null), true, false, -1, 0,
          0);
    }
    if (isArraycopy(call)) {
      return intrinsic(call, CallKind.STATIC, List.of(ARRAYCOPY_ARRAY, ParamFate.UNUSED, ARRAYCOPY_ARRAY,
          ParamFate.UNUSED, ParamFate.UNUSED), true);
    }
    boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
    if (virtual && count > 0) {
      int lambda = singleLambda(values.get(0));
      if (lambda >= 0 && flow.code().lambdaAt(lambda).name.equals(call.name)) {
        return lambdaCallee(lambda);
      }
    }
    String exact = virtual && count > 0 ? flow.exactType(values.get(0)) : null;
    return resolved(opcode, owner, call.name, call.desc, exact, count, kindOf(call));
  }

  private Callee intrinsic(MethodInsnNode call, CallKind kind, List<ParamFate> params, boolean arraycopy) {
    List<ParamFate> none = Collections.nCopies(params.size(), ParamFate.UNUSED);
    return new Callee(MethodCode.binary(call.owner), call.name, call.desc, kind, -1, true,
        new CalleeSummary(-1, params, none, -1, null), false, arraycopy, -1, 0, 0);
  }

  private int singleLambda(FlowValue receiver) {
    if (!receiver.isReference() || receiver.other || receiver.sources().length != 1) {
      return -1;
    }
    int node = receiver.sources()[0];
    return flow.code().isLambda(node) ? node : -1;
  }

  private Callee lambdaCallee(int lambda) {
    InvokeDynamicInsnNode creation = flow.code().lambdaAt(lambda);
    int captured = Type.getArgumentTypes(creation.desc).length;
    if (creation.bsmArgs.length < 2 || !(creation.bsmArgs[1] instanceof Handle body)) {
      return new Callee("?", creation.name, creation.desc, CallKind.LAMBDA_BODY, -1, false,
          CalleeSummary.conservative(captured, EscapeRoute.UNKNOWN_CALLEE, "a lambda without a body handle"),
          false, false, lambda, 0, captured);
    }
    int opcode = switch (body.getTag()) {
      case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
      case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
      case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
      default -> Opcodes.INVOKESPECIAL; // private lambda bodies, super and constructor references
    };
    int shift = body.getTag() == Opcodes.H_NEWINVOKESPECIAL ? 1 : 0;
    int params = Type.getArgumentTypes(body.getDesc()).length + (opcode == Opcodes.INVOKESTATIC ? 0 : 1);
    Callee resolved = resolved(opcode, body.getOwner(), body.getName(), body.getDesc(), null, params,
        CallKind.LAMBDA_BODY);
    return new Callee(resolved.owner(), resolved.name(), resolved.descriptor(), CallKind.LAMBDA_BODY,
        resolved.codeSize(), true, resolved.summary(), false, false, lambda, shift, captured);
  }

  private Callee resolved(int opcode, String owner, String name, String descriptor, String exact, int count,
      CallKind kind) {
    Hierarchy.Target target = analysis.hierarchy().resolve(opcode, owner, name, descriptor, exact);
    if (target.failure() != null) {
      boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
      List<Hierarchy.Target> implementations = virtual && exact == null
          ? analysis.hierarchy().implementations(owner, name, descriptor) : List.of();
      if (!implementations.isEmpty()) {
        // Class hierarchy analysis, as C2 does over loaded classes: every implementation found, never bound.
        CalleeSummary joined = CalleeSummary.join(implementations.stream()
            .map(implementation -> summaryOf(implementation, name, descriptor, count)).toList());
        return new Callee(MethodCode.binary(owner), name, descriptor, kind, joined.codeSize(), false, joined, false,
            false, -1, 0, 0);
      }
      return new Callee(MethodCode.binary(owner), name, descriptor, kind, -1, false,
          CalleeSummary.conservative(count, EscapeRoute.UNKNOWN_CALLEE, target.failure()), false, false, -1, 0, 0);
    }
    return new Callee(MethodCode.binary(target.owner().node().name), name, descriptor, kind,
        target.owner().codeLength(target.method()), target.staticallyBound(),
        summaryOf(target, name, descriptor, count), false, false, -1, 0, 0);
  }

  private CalleeSummary summaryOf(Hierarchy.Target target, String name, String descriptor, int count) {
    String code = MethodCode.binary(target.owner().node().name);
    if ((target.method().access & Opcodes.ACC_NATIVE) != 0) {
      return nonEscapingIntrinsic(code, name, descriptor)
          ? new CalleeSummary(-1, Collections.nCopies(count, ParamFate.UNUSED),
              Collections.nCopies(count, ParamFate.UNUSED), -1, null)
          : CalleeSummary.conservative(count, EscapeRoute.NATIVE_CALLEE, code + "." + name + " is native");
    }
    if (depth + 1 > analysis.maxDepth()) {
      return CalleeSummary.conservative(count, EscapeRoute.CALL_TOO_DEEP,
          code + "." + name + " is deeper than the " + analysis.maxDepth() + " calls the analysis follows");
    }
    return analysis.summary(query, target, depth + 1, count);
  }

  /** C2's bytecode escape estimator treats these natives as not letting their receiver escape. */
  private static boolean nonEscapingIntrinsic(String owner, String name, String descriptor) {
    return owner.equals("java.lang.Object")
        && (name.equals("getClass") && descriptor.equals("()Ljava/lang/Class;")
            || name.equals("hashCode") && descriptor.equals("()I"));
  }

  static CallKind kindOf(MethodInsnNode call) {
    return switch (call.getOpcode()) {
      case Opcodes.INVOKESTATIC -> CallKind.STATIC;
      case Opcodes.INVOKESPECIAL -> call.name.equals("<init>") ? CallKind.CONSTRUCTOR : CallKind.SPECIAL;
      case Opcodes.INVOKEINTERFACE -> CallKind.INTERFACE;
      default -> CallKind.VIRTUAL;
    };
  }
}
