// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode.escape;

/** Registers every new instance as the latest one: {@code this} escapes from the constructor to a static. */
public final class Listener {
  static Listener latest;

  final int id;

  Listener(int id) {
    this.id = id;
    latest = this;
  }
}
