// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The allocating instructions of a method, read with ASM: which constructor each {@code new} calls and which
 * arrays have constant lengths. A recording names a site by class, method and line; this says what the code on
 * that line (and elsewhere in the method) actually does.
 */
public final class MethodAllocations {

  private static final int ASM_API = Opcodes.ASM9;

  private MethodAllocations() {
  }

  /**
   * The allocations of every method named {@code methodName} in {@code className} (overloads together, because
   * a recording's frame names a method without its descriptor); empty when the class files do not have it.
   */
  public static Optional<List<AllocationInstruction>> of(ClassFiles classFiles, String className,
      String methodName) {
    return classFiles.find(className).map(bytes -> scan(bytes, methodName));
  }

  static List<AllocationInstruction> scan(byte[] classFile, String methodName) {
    List<AllocationInstruction> found = new ArrayList<>();
    new ClassReader(classFile).accept(new ClassVisitor(ASM_API) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        return name.equals(methodName) ? new Scanner(found) : null;
      }
    }, ClassReader.SKIP_FRAMES);
    return List.copyOf(found);
  }

  /**
   * Walks one method's instructions in order. A {@code new T} is matched with the next {@code invokespecial
   * T.<init>} at the same nesting depth (constructor arguments may contain other {@code new}s), and an array's
   * length is constant when the instruction right before {@code newarray} pushed a constant.
   */
  private static final class Scanner extends MethodVisitor {

    private final List<AllocationInstruction> found;
    /** Pending {@code new}s: their line and type, innermost last. */
    private final Deque<Object[]> pendingNews = new ArrayDeque<>();
    private int line = -1;
    private Integer lastConstant;

    Scanner(List<AllocationInstruction> found) {
      super(ASM_API);
      this.found = found;
    }

    @Override
    public void visitLineNumber(int lineNumber, Label start) {
      line = lineNumber;
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      if (opcode == Opcodes.NEW) {
        pendingNews.push(new Object[] {line, type});
      } else if (opcode == Opcodes.ANEWARRAY) {
        found.add(new AllocationInstruction(line, javaName(type) + "[]", null, constantLength()));
      }
      lastConstant = null;
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      if (opcode == Opcodes.NEWARRAY) {
        found.add(new AllocationInstruction(line, primitiveArray(operand), null, constantLength()));
        lastConstant = null;
      } else {
        lastConstant = operand; // BIPUSH, SIPUSH
      }
    }

    @Override
    public void visitInsn(int opcode) {
      lastConstant = opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5 ? opcode - Opcodes.ICONST_0 : null;
    }

    @Override
    public void visitLdcInsn(Object value) {
      lastConstant = value instanceof Integer i ? i : null;
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
      found.add(new AllocationInstruction(line, Type.getType(descriptor).getClassName(), null, -1));
      lastConstant = null;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
      if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>") && !pendingNews.isEmpty()
          && pendingNews.peek()[1].equals(owner)) {
        Object[] pending = pendingNews.pop();
        found.add(new AllocationInstruction((Integer) pending[0], javaName(owner), descriptor, -1));
      }
      lastConstant = null;
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
      lastConstant = null;
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
      lastConstant = null;
    }

    private int constantLength() {
      return lastConstant != null && lastConstant >= 0 ? lastConstant : -1;
    }

    private static String javaName(String internalName) {
      return internalName.replace('/', '.');
    }
  }

  /** The Java name of the array that {@code newarray} with this operand allocates: {@code int[]}. */
  static String primitiveArray(int operand) {
    return switch (operand) {
      case Opcodes.T_BOOLEAN -> "boolean[]";
      case Opcodes.T_CHAR -> "char[]";
      case Opcodes.T_FLOAT -> "float[]";
      case Opcodes.T_DOUBLE -> "double[]";
      case Opcodes.T_BYTE -> "byte[]";
      case Opcodes.T_SHORT -> "short[]";
      case Opcodes.T_INT -> "int[]";
      default -> "long[]";
    };
  }
}
