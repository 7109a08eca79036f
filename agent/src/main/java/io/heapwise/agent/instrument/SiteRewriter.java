// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.instrument;

import io.heapwise.agent.runtime.Sites;
import java.util.ArrayDeque;
import java.util.Deque;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Rewrites one method's allocation instructions so that each new object or array is handed to
 * {@code Allocations.allocated(Object, int)} (or {@code allocatedAndCounted}) with its site id, and, in methods that make default-capacity
 * collections, calls {@code Allocations.methodExit(int)} before each return and throw.
 *
 * <p>An object is handed over after its constructor returns, never before: an uninitialized reference may not be
 * passed anywhere. javac compiles {@code new T(args)} as {@code NEW T; DUP; args; INVOKESPECIAL T.<init>}, nested
 * in order, so a stack of pending {@code NEW}s pairs each constructor call with its {@code NEW}; the copy that
 * {@code DUP} left is then on top of the stack. A {@code NEW} not followed by {@code DUP} (other compilers) and the
 * {@code super(...)}/{@code this(...)} calls of constructors, which have no pending {@code NEW}, are left alone.
 *
 * <p>The inserted code pushes at most two values and never branches, so the stack map frames stay valid and only
 * the maximum stack grows.
 */
final class SiteRewriter extends MethodVisitor {

  static final String RUNTIME = "io/heapwise/agent/runtime/Allocations";
  private static final int EXTRA_STACK = 2;

  private final String className;
  private final String methodName;
  private final String descriptor;
  private final int methodId;
  private final String entryPoint;
  private final Deque<PendingNew> pending = new ArrayDeque<>();
  private PendingNew justAllocated;
  private int line = -1;
  private int ordinal;
  private int sites;

  /**
   * @param methodId the id passed at exits, or -1 when the method makes no default-capacity collection
   * @param exactCounts whether allocations are also counted, which takes a different entry point
   */
  SiteRewriter(MethodVisitor target, String className, String methodName, String descriptor, int methodId,
      boolean exactCounts) {
    super(Opcodes.ASM9, target);
    this.className = className;
    this.methodName = methodName;
    this.descriptor = descriptor;
    this.methodId = methodId;
    this.entryPoint = exactCounts ? "allocatedAndCounted" : "allocated";
  }

  int sites() {
    return sites;
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    this.line = line;
    super.visitLineNumber(line, start);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    super.visitTypeInsn(opcode, type);
    justAllocated = null;
    if (opcode == Opcodes.NEW) {
      justAllocated = new PendingNew(type, line);
      pending.push(justAllocated);
    } else if (opcode == Opcodes.ANEWARRAY) {
      handOver(Type.getObjectType(type).getClassName() + "[]", true, -1);
    }
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode == Opcodes.DUP && justAllocated != null) {
      justAllocated.duplicated = true;
    }
    justAllocated = null;
    if (methodId >= 0 && (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN || opcode == Opcodes.ATHROW)) {
      pushInt(methodId);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "methodExit", "(I)V", false);
    }
    super.visitInsn(opcode);
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean isInterface) {
    justAllocated = null;
    super.visitMethodInsn(opcode, owner, name, desc, isInterface);
    if (opcode == Opcodes.INVOKESPECIAL && "<init>".equals(name) && !pending.isEmpty()
        && pending.peek().type.equals(owner)) {
      PendingNew constructed = pending.pop();
      if (constructed.duplicated) {
        boolean sized = methodId >= 0 && DefaultCapacity.isDefaultConstructor(owner, name, desc);
        handOver(Type.getObjectType(owner).getClassName(), false, sized ? methodId : -1, constructed.line);
      }
    }
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    justAllocated = null;
    super.visitIntInsn(opcode, operand);
    if (opcode == Opcodes.NEWARRAY) {
      handOver(primitiveName(operand) + "[]", true, -1);
    }
  }

  @Override
  public void visitMultiANewArrayInsn(String desc, int dimensions) {
    justAllocated = null;
    super.visitMultiANewArrayInsn(desc, dimensions);
    handOver(Type.getType(desc).getClassName(), true, -1);
  }

  @Override
  public void visitVarInsn(int opcode, int varIndex) {
    justAllocated = null;
    super.visitVarInsn(opcode, varIndex);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String desc) {
    justAllocated = null;
    super.visitFieldInsn(opcode, owner, name, desc);
  }

  @Override
  public void visitLdcInsn(Object value) {
    justAllocated = null;
    super.visitLdcInsn(value);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    justAllocated = null;
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitIincInsn(int varIndex, int increment) {
    justAllocated = null;
    super.visitIincInsn(varIndex, increment);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    justAllocated = null;
    super.visitTableSwitchInsn(min, max, dflt, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    justAllocated = null;
    super.visitLookupSwitchInsn(dflt, keys, labels);
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap, Object... arguments) {
    justAllocated = null;
    super.visitInvokeDynamicInsn(name, desc, bootstrap, arguments);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    super.visitMaxs(maxStack + EXTRA_STACK, maxLocals);
  }

  private void handOver(String allocatedType, boolean array, int sizedBy) {
    handOver(allocatedType, array, sizedBy, line);
  }

  /** With the new reference on top of the stack: {@code DUP; push site; INVOKESTATIC allocated}. */
  private void handOver(String allocatedType, boolean array, int sizedBy, int siteLine) {
    int site = Sites.register(className, methodName, descriptor, ordinal++, siteLine, allocatedType, array, sizedBy);
    if (site < 0) {
      return;
    }
    sites++;
    super.visitInsn(Opcodes.DUP);
    pushInt(site);
    super.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, entryPoint, "(Ljava/lang/Object;I)V", false);
  }

  private void pushInt(int value) {
    if (value <= Short.MAX_VALUE) {
      super.visitIntInsn(value <= Byte.MAX_VALUE ? Opcodes.BIPUSH : Opcodes.SIPUSH, value);
    } else {
      super.visitLdcInsn(value);
    }
  }

  private static String primitiveName(int arrayType) {
    return switch (arrayType) {
      case Opcodes.T_BOOLEAN -> "boolean";
      case Opcodes.T_CHAR -> "char";
      case Opcodes.T_FLOAT -> "float";
      case Opcodes.T_DOUBLE -> "double";
      case Opcodes.T_BYTE -> "byte";
      case Opcodes.T_SHORT -> "short";
      case Opcodes.T_INT -> "int";
      case Opcodes.T_LONG -> "long";
      default -> throw new IllegalArgumentException("unknown NEWARRAY type " + arrayType);
    };
  }

  /** A {@code NEW} whose constructor call has not come yet; its line is the line of the {@code new}. */
  private static final class PendingNew {
    final String type;
    final int line;
    boolean duplicated;

    PendingNew(String type, int line) {
      this.type = type;
      this.line = line;
    }
  }
}
