// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode.escape;

/** Records nothing. */
public final class IgnoringRecorder implements Recorder {

  @Override
  public void record(Vec position) {
    // nothing to keep
  }
}
