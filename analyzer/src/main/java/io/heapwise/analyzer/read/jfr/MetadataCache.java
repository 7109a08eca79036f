// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

import java.util.Map;

/**
 * The types a thread's last chunk declared, for the next chunk it opens. The chunks of one recording nearly always
 * carry the same metadata, byte for byte: parsing it again for each chunk cost little time itself, but enough runs
 * of the parser for the JIT to compile it, late, on a CPU the readers needed. A chunk whose metadata differs in any
 * byte, or in its integer encoding, is parsed anew.
 *
 * <p>Not thread-safe, and the types are shared: one cache per reading thread, and a reader opened with it is done
 * before the thread opens the next.
 */
public final class MetadataCache {

  private byte[] metadata;
  private boolean compressedIntegers;
  private Map<Long, JfrType> types;

  Map<Long, JfrType> types(ChunkInput in, int offset) throws JfrFormatException {
    int size = MetadataParser.eventSize(in, offset);
    if (types != null && size == metadata.length && in.holds(offset, metadata, compressedIntegers)) {
      for (JfrType type : types.values()) {
        // The only state a chunk leaves in its types; the rest is set again as the next is opened and read.
        type.pool = null;
      }
      return types;
    }
    types = null;
    Map<Long, JfrType> parsed = MetadataParser.parse(in, offset);
    metadata = in.copy(offset, size);
    compressedIntegers = in.compressedIntegers();
    types = parsed;
    return parsed;
  }
}
