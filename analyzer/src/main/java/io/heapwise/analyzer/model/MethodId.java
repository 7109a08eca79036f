// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

/**
 * A method as the JIT names it: class, name and descriptor, so that overloads stay apart.
 *
 * @param className binary name with dots, {@code com.acme.Vec2}
 * @param descriptor {@code (DD)V}; empty when the event did not carry one
 */
public record MethodId(String className, String name, String descriptor) {

  /** From the slash-separated class names compiler events use for callees ({@code com/acme/Vec2}). */
  public static MethodId ofInternalName(String internalClassName, String name, String descriptor) {
    return new MethodId(internalClassName.replace('/', '.'), name, descriptor == null ? "" : descriptor);
  }

  /** {@code Vec2.<init>}: as a developer reads it in a one-line reason. */
  public String shortName() {
    return className.substring(className.lastIndexOf('.') + 1) + "." + name;
  }
}
