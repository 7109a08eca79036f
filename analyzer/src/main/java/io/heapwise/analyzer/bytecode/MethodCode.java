// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

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

/**
 * One method's code as escape analysis names it: its instructions and their source lines, its parameters' slots,
 * the numbering of tracked objects, and the words a developer reads about them ("the com.acme.Vec allocated at
 * Geo.java:12").
 *
 * <p>Tracked objects are numbered: an allocation or a call's result by its instruction's index, parameter {@code k}
 * by {@code -1 - k}, whatever is read from parameter {@code k}'s fields or elements by {@code -1 - MAX_PARAMS - k},
 * and whatever is held inside the object that the call at instruction {@code i} returned by
 * {@code -1 - 2 * MAX_PARAMS - i}.
 */
final class MethodCode {

  static final int MAX_PARAMS = 256;

  private final Hierarchy.LoadedClass owner;
  private final MethodNode method;
  private final InsnList insns;
  private final int[] lines;
  private final int[] paramOfLocal;
  private final int paramCount;

  MethodCode(Hierarchy.LoadedClass owner, MethodNode method) {
    this.owner = owner;
    this.method = method;
    this.insns = method.instructions;
    this.lines = lines(insns);
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
  }

  int size() {
    return insns.size();
  }

  int index(AbstractInsnNode insn) {
    return insns.indexOf(insn);
  }

  int paramCount() {
    return paramCount;
  }

  /** The parameter held in local {@code local} at the method's start, or {@code -1}. */
  int paramOfLocal(int local) {
    return local < paramOfLocal.length ? paramOfLocal[local] : -1;
  }

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

  boolean producesResult(int i) {
    AbstractInsnNode insn = insns.get(i);
    if (insn instanceof MethodInsnNode || insn instanceof InvokeDynamicInsnNode && !isLambda(i)) {
      int sort = Type.getReturnType(callDescriptor(i)).getSort();
      return sort == Type.OBJECT || sort == Type.ARRAY;
    }
    return false;
  }

  boolean calleeMatches(int i, String calleeName) {
    AbstractInsnNode insn = insns.get(i);
    String name = insn instanceof MethodInsnNode call ? call.name : ((InvokeDynamicInsnNode) insn).name;
    return calleeName == null || calleeName.equals(name);
  }

  String callDescriptor(int i) {
    AbstractInsnNode insn = insns.get(i);
    return insn instanceof MethodInsnNode call ? call.desc : ((InvokeDynamicInsnNode) insn).desc;
  }

  String producer(int i) {
    AbstractInsnNode insn = insns.get(i);
    if (insn instanceof MethodInsnNode call) {
      return binary(call.owner) + "." + call.name + call.desc;
    }
    InvokeDynamicInsnNode dynamic = (InvokeDynamicInsnNode) insn;
    return "invokedynamic " + binary(dynamic.bsm.getOwner()) + "." + dynamic.name + dynamic.desc;
  }

  String allocatedType(int i) {
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

  int constantArrayLength(int i) {
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

  Fates.Store storeOf(int insn) {
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

  String simpleName() {
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
}
