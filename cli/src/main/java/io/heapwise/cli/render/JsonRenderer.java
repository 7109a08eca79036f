// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import java.io.IOException;
import java.io.Writer;

/** The report's public JSON form, exactly as the analyzer defines it (one mapper, one field order). */
public final class JsonRenderer implements Renderer {

  @Override
  public void render(Report report, Writer out) throws IOException {
    ReportJson.write(report, out);
    out.write(System.lineSeparator());
  }
}
