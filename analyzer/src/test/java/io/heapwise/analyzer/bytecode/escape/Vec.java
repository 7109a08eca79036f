// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode.escape;

/** A small immutable 2D vector: the kind of object C2 scalar-replaces when it stays local. */
public final class Vec {
  final double x;
  final double y;

  Vec(double x, double y) {
    this.x = x;
    this.y = y;
  }

  double length() {
    return Math.sqrt(x * x + y * y);
  }

  Vec plus(Vec other) {
    return new Vec(x + other.x, y + other.y);
  }
}
