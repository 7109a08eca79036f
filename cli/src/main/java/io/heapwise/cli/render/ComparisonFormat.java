// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

/**
 * The output formats of {@code heapwise gate} and {@code heapwise diff}: text for a terminal or a CI log, markdown
 * for a step summary or a pull-request comment, JUnit XML for a CI's test report, SARIF for code scanning.
 */
public enum ComparisonFormat {
  TEXT,
  MARKDOWN,
  JUNIT,
  SARIF;

  public ComparisonRenderer renderer(boolean colour) {
    return switch (this) {
      case TEXT -> new ComparisonText(colour);
      case MARKDOWN -> new ComparisonMarkdown();
      case JUNIT -> new ComparisonJunit();
      case SARIF -> new ComparisonSarif();
    };
  }
}
