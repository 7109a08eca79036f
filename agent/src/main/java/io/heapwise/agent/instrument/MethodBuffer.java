// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.TypePath;

/**
 * Holds a method's code until its end, so that the rewrite can know the whole method before emitting its first
 * instruction (whether it makes default-capacity collections, and so needs its exits sized). Byte Buddy's bundled
 * ASM has no tree API; this is the small part of one that the rewrite needs.
 *
 * <p>Everything before the code (parameters, annotations) passes straight through. Type annotations on
 * instructions, exception handlers and local variables are dropped from rewritten methods: their positions refer
 * to the original code, and no runtime behaviour depends on them.
 */
final class MethodBuffer extends MethodVisitor {

  private final List<Consumer<MethodVisitor>> code = new ArrayList<>();
  private final Consumer<MethodBuffer> onEnd;
  private boolean makesDefaultCapacityCollection;

  MethodBuffer(MethodVisitor target, Consumer<MethodBuffer> onEnd) {
    super(Opcodes.ASM9, target);
    this.onEnd = onEnd;
  }

  boolean makesDefaultCapacityCollection() {
    return makesDefaultCapacityCollection;
  }

  /** Replays the buffered code into {@code visitor}; the caller then ends it. */
  void replayInto(MethodVisitor visitor) {
    for (Consumer<MethodVisitor> event : code) {
      event.accept(visitor);
    }
  }

  /** The visitor the buffered code was headed to. */
  MethodVisitor target() {
    return mv;
  }

  @Override
  public void visitCode() {
    code.add(MethodVisitor::visitCode);
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    Object[] locals = local == null ? null : local.clone();
    Object[] stackItems = stack == null ? null : stack.clone();
    code.add(v -> v.visitFrame(type, numLocal, locals, numStack, stackItems));
  }

  @Override
  public void visitInsn(int opcode) {
    code.add(v -> v.visitInsn(opcode));
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    code.add(v -> v.visitIntInsn(opcode, operand));
  }

  @Override
  public void visitVarInsn(int opcode, int varIndex) {
    code.add(v -> v.visitVarInsn(opcode, varIndex));
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    code.add(v -> v.visitTypeInsn(opcode, type));
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    code.add(v -> v.visitFieldInsn(opcode, owner, name, descriptor));
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
    if (opcode == Opcodes.INVOKESPECIAL && DefaultCapacity.isDefaultConstructor(owner, name, descriptor)) {
      makesDefaultCapacityCollection = true;
    }
    code.add(v -> v.visitMethodInsn(opcode, owner, name, descriptor, isInterface));
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
    Object[] args = arguments.clone();
    code.add(v -> v.visitInvokeDynamicInsn(name, descriptor, bootstrap, args));
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    code.add(v -> v.visitJumpInsn(opcode, label));
  }

  @Override
  public void visitLabel(Label label) {
    code.add(v -> v.visitLabel(label));
  }

  @Override
  public void visitLdcInsn(Object value) {
    code.add(v -> v.visitLdcInsn(value));
  }

  @Override
  public void visitIincInsn(int varIndex, int increment) {
    code.add(v -> v.visitIincInsn(varIndex, increment));
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    Label[] targets = labels.clone();
    code.add(v -> v.visitTableSwitchInsn(min, max, dflt, targets));
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    int[] keyCopy = keys.clone();
    Label[] targets = labels.clone();
    code.add(v -> v.visitLookupSwitchInsn(dflt, keyCopy, targets));
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    code.add(v -> v.visitMultiANewArrayInsn(descriptor, numDimensions));
  }

  @Override
  public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
    return null;
  }

  @Override
  public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
    code.add(v -> v.visitTryCatchBlock(start, end, handler, type));
  }

  @Override
  public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor,
      boolean visible) {
    return null;
  }

  @Override
  public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
      int index) {
    code.add(v -> v.visitLocalVariable(name, descriptor, signature, start, end, index));
  }

  @Override
  public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start, Label[] end,
      int[] index, String descriptor, boolean visible) {
    return null;
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    code.add(v -> v.visitLineNumber(line, start));
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    code.add(v -> v.visitMaxs(maxStack, maxLocals));
  }

  @Override
  public void visitEnd() {
    onEnd.accept(this);
  }
}
