// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

/** The output formats of {@code --format}. */
public enum Format {
  TEXT,
  JSON,
  /** One self-contained page: findings with their source lines, a flame graph, the GC timeline. */
  HTML,
  /** Folded stacks, one line per stack with its sampled bytes, for flamegraph.pl and speedscope. */
  COLLAPSED,
  /** Gzipped profile.proto for go tool pprof, Pyroscope and Parca. */
  PPROF;

  /** Whether the report must carry the call tree and the collections, which these formats draw. */
  public boolean needsGraphs() {
    return this == HTML || this == COLLAPSED || this == PPROF;
  }

  public boolean binary() {
    return this == PPROF;
  }

  /**
   * The renderer of a text format; {@code colour} only matters for text on a terminal, {@code sources} for the
   * lines the HTML report shows around each finding.
   */
  public Renderer renderer(boolean colour, SourceSnippets sources) {
    return switch (this) {
      case TEXT -> new TextRenderer(colour);
      case JSON -> new JsonRenderer();
      case HTML -> new HtmlRenderer(sources);
      case COLLAPSED -> new CollapsedRenderer();
      case PPROF -> throw new IllegalStateException("bug: pprof is binary; use binaryRenderer()");
    };
  }

  public BinaryRenderer binaryRenderer() {
    if (this != PPROF) {
      throw new IllegalStateException("bug: " + this + " is text; use renderer()");
    }
    return new PprofRenderer();
  }
}
