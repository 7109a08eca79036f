// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

/** An immutable 2D vector; small enough that C2 can replace it by its two fields when it does not escape. */
final class Vec2 {
    final double x;
    final double y;

    Vec2(double x, double y) {
        this.x = x;
        this.y = y;
    }

    double dot(Vec2 other) {
        return x * other.x + y * other.y;
    }

    double lengthSquared() {
        return x * x + y * y;
    }
}
