// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.runtime;

import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sampled collections waiting for their allocating method to return, when their size is the size they reached.
 * Held strongly until then: the method's own local holds them that long anyway. Per thread, and few: a method
 * left by an exception it did not throw itself never reports, and its entry is pushed out by later ones.
 */
final class PendingSizes {

  private static final int PER_THREAD = 8;
  /** Non-zero while any thread waits for an exit: the exit check of every other thread is then one read. */
  private static final AtomicInteger WAITING = new AtomicInteger();
  private static final ThreadLocal<PendingSizes> CURRENT = ThreadLocal.withInitial(PendingSizes::new);

  private final Object[] collections = new Object[PER_THREAD];
  private final Site[] sites = new Site[PER_THREAD];
  private int next;

  private PendingSizes() {}

  static void await(Object collection, Site site) {
    PendingSizes pending = CURRENT.get();
    int slot = pending.next;
    pending.next = (slot + 1) % PER_THREAD;
    if (pending.collections[slot] == null) {
      WAITING.incrementAndGet();
    }
    pending.collections[slot] = collection;
    pending.sites[slot] = site;
  }

  static boolean anyWaiting() {
    return WAITING.get() != 0;
  }

  /** Method {@code methodId} returns on this thread: sizes its waiting collections. */
  static void exit(int methodId) {
    PendingSizes pending = CURRENT.get();
    for (int slot = 0; slot < PER_THREAD; slot++) {
      Site site = pending.sites[slot];
      if (site != null && site.methodId() == methodId) {
        long size = sizeOf(pending.collections[slot]);
        pending.collections[slot] = null;
        pending.sites[slot] = null;
        WAITING.decrementAndGet();
        if (size >= 0) {
          site.sized(size);
        }
      }
    }
  }

  /**
   * The element count of one of the collections whose default-capacity constructor the rewriter marks, or -1.
   * The object's class is the JDK class itself (the site constructs exactly it), so {@code size()} is the JDK's.
   */
  private static long sizeOf(Object collection) {
    if (collection instanceof Collection<?> c) {
      return c.size();
    } else if (collection instanceof Map<?, ?> m) {
      return m.size();
    } else if (collection instanceof CharSequence s) {
      return s.length();
    } else if (collection instanceof ByteArrayOutputStream b) {
      return b.size();
    }
    return -1;
  }
}
