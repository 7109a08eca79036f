// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

/**
 * One allocating instruction of a method, as the class file states it.
 *
 * @param line the source line from the line-number table, {@code -1} when the class has none
 * @param type the allocated class or array type in Java notation ({@code java.util.ArrayList}, {@code byte[]})
 * @param constructorDescriptor for {@code new}: the descriptor of the {@code <init>} called on it, e.g.
 *     {@code ()V} for {@code new ArrayList<>()} or {@code (I)V} for {@code new ArrayList<>(n)}; {@code null} for
 *     arrays and when the call could not be matched
 * @param constantArrayLength for arrays whose length is a compile-time constant ({@code new byte[64 * 1024]}),
 *     that length; else {@code -1}
 */
public record AllocationInstruction(int line, String type, String constructorDescriptor, int constantArrayLength) {

  /** {@code new ArrayList<>()}, {@code new HashMap<>()}: the collection starts at its default capacity. */
  public boolean noArgConstructor() {
    return "()V".equals(constructorDescriptor);
  }
}
