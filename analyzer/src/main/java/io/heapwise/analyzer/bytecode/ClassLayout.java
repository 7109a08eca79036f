// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The instance layout of a class as HotSpot (JDK 15+, {@code FieldLayoutBuilder}) computes it, the way JOL shows it:
 * superclass fields keep their offsets, then this class's primitives, largest first, then its references, each put in
 * the smallest gap that fits (gaps after the header and in the superclass included), else at the end; the total is
 * rounded up to the object alignment. {@code @Contended} padding and fields the JVM injects are not modelled.
 *
 * @param fields instance fields of the class and its superclasses, by offset
 */
public record ClassLayout(String className, ObjectModel model, List<Field> fields, int instanceBytes) {

  /** The boxes of primitives, with the primitive's size: a field of one of these is a pointer to 16-24 bytes. */
  private static final Set<String> BOXES = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short",
      "java.lang.Byte", "java.lang.Character", "java.lang.Boolean", "java.lang.Float", "java.lang.Double");

  /**
   * One instance field.
   *
   * @param type the field's type in Java notation ({@code int}, {@code java.lang.Long}, {@code byte[]})
   */
  public record Field(String declaringClass, String name, String type, int offset, int bytes, boolean reference) {
  }

  public ClassLayout {
    fields = List.copyOf(fields);
  }

  /**
   * The layout of {@code className}, reading its class file and those of its superclasses from {@code classFiles};
   * JDK superclasses ({@code java.*}, {@code javax.*}, {@code jdk.*}) from the analyzer's own runtime. Empty when a
   * class file of the chain is missing.
   */
  public static Optional<ClassLayout> of(ClassFiles classFiles, String className, ObjectModel model) {
    List<List<Field>> declared = new ArrayList<>(); // this class first, java.lang.Object excluded
    String current = className;
    while (current != null && !current.equals("java.lang.Object")) {
      String name = current;
      Optional<byte[]> bytes = classFiles.find(name).or(() -> jdkClass(name));
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      List<Field> own = new ArrayList<>();
      current = readFields(bytes.get(), model, own);
      declared.add(own);
    }
    FieldBlocks blocks = new FieldBlocks(model.headerBytes());
    List<Field> placed = new ArrayList<>();
    for (int i = declared.size() - 1; i >= 0; i--) {
      List<Field> own = declared.get(i);
      List<Field> primitives = new ArrayList<>(own.stream().filter(f -> !f.reference()).toList());
      primitives.sort(Comparator.comparingInt(Field::bytes).reversed()); // stable: declaration order among equals
      blocks.newGroup();
      for (Field field : primitives) {
        placed.add(blocks.place(field));
      }
      blocks.newGroup();
      for (Field field : own.stream().filter(Field::reference).toList()) {
        placed.add(blocks.place(field));
      }
    }
    placed.sort(Comparator.comparingInt(Field::offset));
    int end = Math.max(model.headerBytes(), blocks.end());
    int alignment = Math.max(8, model.alignmentBytes());
    return Optional.of(new ClassLayout(className, model, placed, (end + alignment - 1) / alignment * alignment));
  }

  /**
   * A JDK class file from the analyzer's own runtime: the recording's JDK may differ, but the fields of the JDK
   * superclasses applications extend ({@code Record}, {@code Number}, {@code AbstractMap}) are stable across releases.
   */
  private static Optional<byte[]> jdkClass(String className) {
    if (!(className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk."))) {
      return Optional.empty();
    }
    try {
      // Module.getResourceAsStream never encapsulates .class files; the class is looked up, not initialized.
      Module module = Class.forName(className, false, ClassLoader.getPlatformClassLoader()).getModule();
      try (InputStream in = module.getResourceAsStream(className.replace('.', '/') + ".class")) {
        return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
      }
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JDK's " + className, e);
    }
  }

  /** Reads the instance fields into {@code out}; returns the superclass name, {@code null} for interfaces' roots. */
  private static String readFields(byte[] classFile, ObjectModel model, List<Field> out) {
    String[] superName = new String[1];
    String[] owner = new String[1];
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public void visit(int version, int access, String name, String signature, String superClass,
          String[] interfaces) {
        owner[0] = name.replace('/', '.');
        superName[0] = superClass == null ? null : superClass.replace('/', '.');
      }

      @Override
      public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        if ((access & Opcodes.ACC_STATIC) == 0) {
          Type type = Type.getType(descriptor);
          int size = switch (type.getSort()) {
            case Type.LONG, Type.DOUBLE -> 8;
            case Type.INT, Type.FLOAT -> 4;
            case Type.SHORT, Type.CHAR -> 2;
            case Type.BYTE, Type.BOOLEAN -> 1;
            default -> model.referenceBytes();
          };
          boolean reference = type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
          out.add(new Field(owner[0], name, type.getClassName(), -1, size, reference));
        }
        return null;
      }
    }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return superName[0];
  }


  public int headerBytes() {
    return model.headerBytes();
  }

  public int primitiveBytes() {
    return fields.stream().filter(f -> !f.reference()).mapToInt(Field::bytes).sum();
  }

  public int referenceCount() {
    return (int) fields.stream().filter(Field::reference).count();
  }

  public int referenceBytes() {
    return referenceCount() * model.referenceBytes();
  }

  /** Alignment gaps between fields and at the end: bytes that hold nothing. */
  public int paddingBytes() {
    return instanceBytes - headerBytes() - primitiveBytes() - referenceBytes();
  }

  /** Fields of a primitive's box type ({@code Integer}, {@code Long}...): each a pointer to a separate object. */
  public List<Field> boxedFields() {
    return fields.stream().filter(f -> BOXES.contains(f.type())).toList();
  }

  /** Fields of the class's own type (or a superclass's): links of a linked structure. */
  public List<Field> selfTypedFields() {
    return fields.stream().filter(f -> f.type().equals(className)
        || fields.stream().anyMatch(g -> g.declaringClass().equals(f.type()))).toList();
  }

  /**
   * The share of the instance that is header or pointers: bytes the collector must read or that describe the object
   * rather than hold data. Padding counts as neither, so a layout can be judged apart from its alignment waste.
   */
  public double pointerShare() {
    return (double) (headerBytes() + referenceBytes()) / instanceBytes;
  }

  /** The size of the primitive a box holds ({@code java.lang.Long} -> 8); {@code -1} when not a box. */
  public static int unboxedBytes(String boxType) {
    return switch (boxType) {
      case "java.lang.Long", "java.lang.Double" -> 8;
      case "java.lang.Integer", "java.lang.Float" -> 4;
      case "java.lang.Short", "java.lang.Character" -> 2;
      case "java.lang.Byte", "java.lang.Boolean" -> 1;
      default -> -1;
    };
  }
}
