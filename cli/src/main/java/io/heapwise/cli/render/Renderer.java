// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import io.heapwise.analyzer.report.Report;
import java.io.IOException;
import java.io.Writer;

/** Turns a report into one output format; renderers print the report's values and never recompute them. */
public interface Renderer {

  void render(Report report, Writer out) throws IOException;
}
