// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

/** The output formats of {@code --format}. */
public enum Format {
  TEXT,
  JSON;

  /** The renderer for this format; {@code colour} only matters for text on a terminal. */
  public Renderer renderer(boolean colour) {
    return switch (this) {
      case TEXT -> new TextRenderer(colour);
      case JSON -> new JsonRenderer();
    };
  }
}
