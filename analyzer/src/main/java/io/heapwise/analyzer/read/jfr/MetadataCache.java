// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

import java.util.Map;

/**
 * The types a thread's last chunk declared, for the next chunk it opens. The chunks of one recording nearly always
 * declare the same types, byte for byte; only the metadata event's start time and duration differ. Parsing them
 * again for each chunk cost little time itself, but enough runs of the parser for the JIT to compile it, late, on a
 * CPU the readers needed. A chunk whose declarations differ in any byte, or in their integer encoding, is parsed
 * anew.
 *
 * <p>Not thread-safe, and the types are shared: one cache per reading thread, and a reader opened with it is done
 * before the thread opens the next.
 */
public final class MetadataCache {

  private byte[] declarations;
  private boolean compressedIntegers;
  private Map<Long, JfrType> types;

  Map<Long, JfrType> types(ChunkInput in, int offset) throws JfrFormatException {
    int from = MetadataParser.declarations(in, offset);
    int length = in.end - from;
    if (types != null && length == declarations.length && in.holds(from, declarations, compressedIntegers)) {
      for (JfrType type : types.values()) {
        // The only state a chunk leaves in its types; the rest is set again as the next is opened and read.
        type.pool = null;
      }
      return types;
    }
    types = null;
    Map<Long, JfrType> parsed = MetadataParser.parse(in, offset);
    declarations = in.copy(from, length);
    compressedIntegers = in.compressedIntegers();
    types = parsed;
    return parsed;
  }
}
