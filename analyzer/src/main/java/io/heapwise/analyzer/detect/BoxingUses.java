// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.ClassFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Where the boxes of one source line go, from the bytecode: the call right after each {@code valueOf} on that
 * line ({@code Map.put}, {@code List.add}, ...), and whether the line also unboxes ({@code longValue}), which
 * makes it a read-modify-write of a boxed value. The recording shows where boxes are made, not what takes them.
 *
 * @param consumers the called methods as {@code java.util.Map.put}, in bytecode order, without repeats
 */
record BoxingUses(List<String> consumers, boolean unboxes) {

  private static final Set<String> BOX_CLASSES = Set.of("java/lang/Integer", "java/lang/Long", "java/lang/Short",
      "java/lang/Byte", "java/lang/Character", "java/lang/Float", "java/lang/Double");

  BoxingUses {
    consumers = List.copyOf(consumers);
  }

  /** Empty when the class files do not have the class. */
  static Optional<BoxingUses> of(ClassFiles classFiles, String className, String method, int line) {
    return classFiles.find(className).map(bytes -> scan(bytes, method, line));
  }

  static BoxingUses scan(byte[] classFile, String method, int line) {
    List<String> consumers = new ArrayList<>();
    boolean[] unboxes = {false};
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        return name.equals(method) ? new LineScanner(line, consumers, unboxes) : null;
      }
    }, ClassReader.SKIP_FRAMES);
    return new BoxingUses(consumers, unboxes[0]);
  }

  /** The consumer in a sentence: "`Map.put`", "`Map.put` and `List.add`". */
  String describe() {
    List<String> simple = consumers.stream()
        .map(c -> "`" + c.substring(c.lastIndexOf('.', c.lastIndexOf('.') - 1) + 1) + "`").toList();
    return simple.size() <= 1 ? String.join("", simple)
        : String.join(", ", simple.subList(0, simple.size() - 1)) + " and " + simple.get(simple.size() - 1);
  }

  private static final class LineScanner extends MethodVisitor {
    private final int target;
    private final List<String> consumers;
    private final boolean[] unboxes;
    private int line = -1;
    private boolean boxPending;

    LineScanner(int target, List<String> consumers, boolean[] unboxes) {
      super(Opcodes.ASM9);
      this.target = target;
      this.consumers = consumers;
      this.unboxes = unboxes;
    }

    @Override
    public void visitLineNumber(int lineNumber, Label start) {
      line = lineNumber;
      boxPending = false;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
      if (line != target) {
        return;
      }
      if (BOX_CLASSES.contains(owner) && name.equals("valueOf")) {
        boxPending = true;
      } else if (BOX_CLASSES.contains(owner) && name.endsWith("Value")) {
        unboxes[0] = true;
      } else if (boxPending) {
        String consumer = owner.replace('/', '.') + "." + name;
        if (!consumers.contains(consumer)) {
          consumers.add(consumer);
        }
        boxPending = false;
      }
    }
  }
}
