// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode.escape;

/** Keeps the last position for a status page: what it is given escapes. */
public final class LastPositionRecorder implements Recorder {
  static Vec last;

  @Override
  public void record(Vec position) {
    last = position;
  }
}
