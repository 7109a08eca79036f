// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode.escape;

/** Records positions; one implementation keeps the last one. */
public interface Recorder {

  void record(Vec position);
}
