// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

/**
 * One stack frame as the analyzer sees it.
 *
 * @param className the binary class name with dots ({@code java.util.HashMap$Node}); empty for the pseudo-frames
 *     some writers add (async-profiler's {@code .no_Java_frame})
 * @param line the source line, {@code -1} when unknown
 * @param bytecodeIndex {@code -1} when unknown
 */
public record Frame(String className, String method, int line, int bytecodeIndex, boolean javaFrame) {

  /** The outer class's simple name plus {@code .java}: what the line-number table almost always refers to. */
  public String sourceFileGuess() {
    int dot = className.lastIndexOf('.');
    String simple = className.substring(dot + 1);
    int dollar = simple.indexOf('$');
    return (dollar > 0 ? simple.substring(0, dollar) : simple) + ".java";
  }

  /** {@code ArrayList.grow}: how a mechanism frame is named in reports. */
  public String shortName() {
    int dot = className.lastIndexOf('.');
    return className.substring(dot + 1) + "." + method;
  }

  /** {@code java.util.ArrayList.grow(ArrayList.java:237)}, as in a Java stack trace. */
  @Override
  public String toString() {
    return className + "." + method + "(" + sourceFileGuess() + (line >= 0 ? ":" + line : "") + ")";
  }
}
