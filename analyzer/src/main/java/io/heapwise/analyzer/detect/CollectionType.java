// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.ObjectModel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The growable JDK collections {@code UNSIZED_COLLECTION} knows: how each grows, its own instance layout (to turn
 * the bytes of its constructor site into instances), and the presized constructor to recommend.
 */
enum CollectionType {
  ARRAY_LIST("java.util.ArrayList", GrowthPolicy.ARRAY_LIST, 1, 8),
  HASH_MAP("java.util.HashMap", GrowthPolicy.HASH_MAP, 4, 16),
  LINKED_HASH_MAP("java.util.LinkedHashMap", GrowthPolicy.HASH_MAP, 6, 17),
  HASH_SET("java.util.HashSet", GrowthPolicy.HASH_MAP, 1, 0),
  LINKED_HASH_SET("java.util.LinkedHashSet", GrowthPolicy.HASH_MAP, 1, 0),
  ARRAY_DEQUE("java.util.ArrayDeque", GrowthPolicy.ARRAY_DEQUE, 1, 8),
  STRING_BUILDER("java.lang.StringBuilder", GrowthPolicy.STRING_BUILDER, 1, 6),
  STRING_BUFFER("java.lang.StringBuffer", GrowthPolicy.STRING_BUILDER, 2, 6),
  BYTE_ARRAY_OUTPUT_STREAM("java.io.ByteArrayOutputStream", GrowthPolicy.BYTE_STREAM, 1, 4),
  VECTOR("java.util.Vector", GrowthPolicy.VECTOR, 1, 12),
  STACK("java.util.Stack", GrowthPolicy.VECTOR, 1, 12),
  PRIORITY_QUEUE("java.util.PriorityQueue", GrowthPolicy.PRIORITY_QUEUE, 2, 8),
  IDENTITY_HASH_MAP("java.util.IdentityHashMap", GrowthPolicy.IDENTITY_HASH_MAP, 4, 8);

  /** {@code HashMap.newHashMap(n)} and its siblings exist from this JDK release on. */
  static final int FACTORY_METHODS_SINCE = 19;

  private final String className;
  private final GrowthPolicy growth;
  private final int referenceFields;
  private final int primitiveFieldBytes;

  /**
   * @param referenceFields and {@code primitiveFieldBytes}: the instance's own fields (inherited included), e.g.
   *     ArrayList's {@code elementData}, {@code size} and {@code modCount}
   */
  CollectionType(String className, GrowthPolicy growth, int referenceFields, int primitiveFieldBytes) {
    this.className = className;
    this.growth = growth;
    this.referenceFields = referenceFields;
    this.primitiveFieldBytes = primitiveFieldBytes;
  }

  String className() {
    return className;
  }

  String simpleName() {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  GrowthPolicy growth() {
    return growth;
  }

  /** One instance of the collection object itself (not its arrays), on the recorded JVM. */
  long instanceBytes(ObjectModel sizing) {
    return sizing.instanceBytes(referenceFields, primitiveFieldBytes);
  }

  /**
   * The type a stack frame's class stands for. Stack frames name the class that declares the method, so
   * {@code LinkedHashMap.put} appears as {@code HashMap.put} and {@code StringBuilder}'s growth as
   * {@code AbstractStringBuilder}: the bytecode decides between {@link #sameFrames() the candidates}.
   */
  static Optional<CollectionType> ofFrameClass(String frameClass) {
    if (frameClass.equals("java.lang.AbstractStringBuilder")) {
      return Optional.of(STRING_BUILDER);
    }
    for (CollectionType type : values()) {
      if (type.className.equals(frameClass)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** Inherited JDK frames that may sit between a collection's own frame and its growth frame. */
  static boolean isTransparentFrame(String frameClass) {
    return frameClass.startsWith("java.util.Abstract") || frameClass.equals("java.lang.AbstractStringBuilder");
  }

  /** The types whose instances show this type's frames, because they inherit its methods. */
  List<CollectionType> sameFrames() {
    return switch (this) {
      case HASH_MAP -> List.of(HASH_MAP, LINKED_HASH_MAP);
      case HASH_SET -> List.of(HASH_SET, LINKED_HASH_SET);
      case VECTOR -> List.of(VECTOR, STACK);
      case STRING_BUILDER -> List.of(STRING_BUILDER, STRING_BUFFER);
      default -> List.of(this);
    };
  }

  /** The presized construction to recommend for {@code elements}, for the recorded JDK (-1 when unknown). */
  String presized(long elements, int jdkFeature) {
    boolean factories = jdkFeature >= FACTORY_METHODS_SINCE;
    return switch (this) {
      case HASH_MAP, LINKED_HASH_MAP, HASH_SET, LINKED_HASH_SET -> factories
          ? String.format(Locale.ROOT, "%s.new%s(%d)", simpleName(), simpleName(), elements)
          : String.format(Locale.ROOT, "new %s<>((int) (%d / 0.75f) + 1)", simpleName(), elements);
      case STRING_BUILDER, STRING_BUFFER, BYTE_ARRAY_OUTPUT_STREAM ->
          String.format(Locale.ROOT, "new %s(%d)", simpleName(), elements);
      default -> String.format(Locale.ROOT, "new %s<>(%d)", simpleName(), elements);
    };
  }

  /** The default-capacity construction as written in source: {@code new ArrayList<>()}. */
  String defaultConstructor() {
    return switch (this) {
      case STRING_BUILDER, STRING_BUFFER, BYTE_ARRAY_OUTPUT_STREAM -> "new " + simpleName() + "()";
      default -> "new " + simpleName() + "<>()";
    };
  }

  /** What "elements" are for this type, in a sentence: "elements", "entries", "chars", "bytes". */
  String unit() {
    return switch (this) {
      case HASH_MAP, LINKED_HASH_MAP, IDENTITY_HASH_MAP -> "entries";
      case STRING_BUILDER, STRING_BUFFER -> "chars";
      case BYTE_ARRAY_OUTPUT_STREAM -> "bytes";
      default -> "elements";
    };
  }
}
