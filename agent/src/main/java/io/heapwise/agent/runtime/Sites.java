// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.runtime;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Every rewritten allocation instruction, by the int id the rewritten code passes. Ids are handed out while
 * classes are transformed and read on every sample, so lookup is an array access without locks.
 */
public final class Sites {

  private static final int CHUNK_BITS = 12;
  private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
  /** 4,096 chunks of 4,096: more allocation instructions than any application has. */
  private static final int MAX_CHUNKS = 4_096;

  private static final AtomicReferenceArray<AtomicReferenceArray<Site>> CHUNKS =
      new AtomicReferenceArray<>(MAX_CHUNKS);
  private static final AtomicInteger NEXT_ID = new AtomicInteger();
  private static final AtomicInteger NEXT_METHOD_ID = new AtomicInteger();
  /** A class retransformed again (attach after attach) gets its old ids back, so its sites stay one each. */
  private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();

  private Sites() {}

  /**
   * The id of the allocation instruction {@code ordinal} of method {@code method + descriptor}, registering it
   * on first sight.
   *
   * @param methodId from {@link #newMethodId()} when the site's collections are sized at method exit, else -1
   * @return the id, or -1 when the table is full (the instruction is then left as it is)
   */
  public static int register(String className, String method, String descriptor, int ordinal, int line,
      String allocatedType, boolean array, int methodId) {
    String key = className + '.' + method + descriptor + '#' + ordinal;
    return IDS.computeIfAbsent(key, k -> {
      int id = NEXT_ID.getAndIncrement();
      int chunkIndex = id >>> CHUNK_BITS;
      if (chunkIndex >= MAX_CHUNKS) {
        return -1;
      }
      AtomicReferenceArray<Site> chunk = CHUNKS.get(chunkIndex);
      if (chunk == null) {
        CHUNKS.compareAndSet(chunkIndex, null, new AtomicReferenceArray<>(CHUNK_SIZE));
        chunk = CHUNKS.get(chunkIndex);
      }
      chunk.set(id & (CHUNK_SIZE - 1), new Site(id, className, method, line, allocatedType, array, methodId));
      return id;
    });
  }

  /** A fresh id for a method whose exits read the sizes of the collections it made. */
  public static int newMethodId() {
    return NEXT_METHOD_ID.getAndIncrement();
  }

  public static int count() {
    return IDS.size();
  }

  static Site get(int id) {
    AtomicReferenceArray<Site> chunk = CHUNKS.get(id >>> CHUNK_BITS);
    return chunk == null ? null : chunk.get(id & (CHUNK_SIZE - 1));
  }

  static void forEach(Consumer<Site> action) {
    int end = Math.min(NEXT_ID.get(), MAX_CHUNKS * CHUNK_SIZE);
    for (int id = 0; id < end; id++) {
      Site site = get(id);
      if (site != null) {
        action.accept(site);
      }
    }
  }
}
