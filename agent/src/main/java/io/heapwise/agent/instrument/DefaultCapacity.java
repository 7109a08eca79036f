// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.instrument;

import java.util.Set;

/** The JDK collections whose no-argument constructor starts at a small default capacity and grows by copying. */
final class DefaultCapacity {

  private static final Set<String> COLLECTIONS = Set.of("java/util/ArrayList", "java/util/HashMap",
      "java/util/HashSet", "java/util/LinkedHashMap", "java/util/LinkedHashSet", "java/util/ArrayDeque",
      "java/lang/StringBuilder", "java/io/ByteArrayOutputStream");

  private DefaultCapacity() {}

  static boolean isDefaultConstructor(String owner, String name, String descriptor) {
    return "<init>".equals(name) && "()V".equals(descriptor) && COLLECTIONS.contains(owner);
  }
}
