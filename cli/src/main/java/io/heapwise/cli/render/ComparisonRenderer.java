// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import io.heapwise.analyzer.gate.Comparison;
import java.io.IOException;
import java.io.Writer;

/** Writes a comparison of a run with a baseline: a gate's verdict with its reasons, or a diff without one. */
public interface ComparisonRenderer {

  /**
   * @param source where the baseline came from, e.g. its file name, for the header
   * @param verdict whether to state pass or fail ({@code gate}) or only the changes ({@code diff})
   */
  void render(Comparison comparison, String source, boolean verdict, Writer out) throws IOException;
}
