// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

/** The output formats of {@code heapwise gate} and {@code heapwise diff}. */
public enum ComparisonFormat {
  TEXT;

  public ComparisonRenderer renderer(boolean colour) {
    return switch (this) {
      case TEXT -> new ComparisonText(colour);
    };
  }
}
