// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import io.heapwise.analyzer.report.Report;
import java.io.IOException;
import java.io.OutputStream;

/** A {@link Renderer} whose output is bytes, not text: pprof's gzipped protobuf. */
public interface BinaryRenderer {

  /** Writes the report onto {@code out}, which the caller closes. */
  void render(Report report, OutputStream out) throws IOException;
}
