// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode.escape;

/** A shape measured from its bounding box's size; both implementations only read the size. */
public interface Shape {

  double area(Vec size);

  /** A rectangle filling its box. */
  final class Rectangle implements Shape {
    @Override
    public double area(Vec size) {
      return size.x * size.y;
    }
  }

  /** An ellipse inscribed in its box. */
  final class Ellipse implements Shape {
    @Override
    public double area(Vec size) {
      return Math.PI * size.x * size.y / 4;
    }
  }
}
