// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

/** A chunk that {@link JfrChunkReader} cannot read: damaged, or written in a way it does not understand. */
public final class JfrFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  JfrFormatException(String problem, long chunkOffset) {
    super(problem + " at byte " + chunkOffset + " of the chunk");
  }
}
