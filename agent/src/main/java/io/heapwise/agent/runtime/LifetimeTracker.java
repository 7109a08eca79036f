// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.runtime;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches sampled objects die. Each is held by a weak reference, which the collector clears and queues in the
 * collection that frees the object; a daemon thread takes it from the queue and records the object's age in
 * collections survived and in milliseconds. The age in milliseconds runs to that moment, so it is an upper bound
 * at the resolution of the collector's frequency.
 *
 * <p>The collection count at birth is the one this thread last read, which it refreshes each time it wakes (after
 * every collection that frees a tracked object, and every few milliseconds): reading the collectors' counters on
 * every sample would cost the sampling path more than the rest of it. So an object allocated in the moment after
 * a collection, before this thread ran, is credited with one collection too many; more when the CPUs are saturated.
 *
 * <p>An object that survives {@link #LONG_LIVED_GCS} collections has been promoted by any HotSpot collector's
 * default tenuring: it is counted as long-lived and no longer tracked, which keeps caches from filling the
 * bounded set of objects in flight.
 *
 * <p>A weak reference that a young collection copies into the old generation is not discovered by that collection or by
 * later young ones (G1's young collections discover only references that stay young), so its object is kept alive,
 * though nothing else holds it, until the next old-generation marking. That happens to a reference still in flight when
 * a collection overflows the survivor space or the adaptive tenuring threshold drops to one, which is rare; its object
 * then counts as long-lived although it died young. Nothing here can tell the two apart, but the error only ever makes
 * objects look longer-lived. (Measured on the QuoteService sample on JDK 25: none in thirty default runs; 24 of 15,500
 * with {@code -XX:MaxTenuringThreshold=1}; all of them with 0, where every reference is promoted.)
 */
final class LifetimeTracker {

  static final int LONG_LIVED_GCS = 16;
  /** How often collections are counted and long-lived objects retired; well under a young collection's period. */
  private static final long POLL_MILLIS = 5;
  private static final long RETIRE_EVERY_MILLIS = 100;

  private final int maxInFlight;
  private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
  private final Set<Tracked> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicInteger inFlightCount = new AtomicInteger();
  private final GcCycles gcCycles = new GcCycles();
  private volatile long gcCount;
  private volatile boolean running = true;
  private final Thread thread;

  LifetimeTracker(int maxInFlight) {
    this.maxInFlight = maxInFlight;
    this.gcCount = gcCycles.count();
    thread = new Thread(this::run, "heapwise-lifetimes");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void stop() {
    running = false;
    thread.interrupt();
  }

  /** Starts watching {@code object}; false when too many are in flight already (the caller counts the drop). */
  boolean track(Object object, Site site) {
    if (inFlightCount.incrementAndGet() > maxInFlight) {
      inFlightCount.decrementAndGet();
      return false;
    }
    inFlight.add(new Tracked(object, site, System.nanoTime(), gcCount, queue));
    // Dying before it is in the set would make the tracker drop its death and leave it counted in flight.
    Reference.reachabilityFence(object);
    return true;
  }

  int inFlight() {
    return inFlightCount.get();
  }

  /** Tracked objects still alive, per site id; they are forgotten, as the recording ends. */
  Map<Integer, Long> retireAllAlive() {
    Map<Integer, Long> alive = new HashMap<>();
    for (Tracked tracked : inFlight) {
      // The tracker thread may see the same object die meanwhile: whichever removes it counts it, once.
      if (inFlight.remove(tracked)) {
        inFlightCount.decrementAndGet();
        tracked.clear();
        alive.merge(tracked.site.id(), 1L, Long::sum);
      }
    }
    return alive;
  }

  private void run() {
    long lastRetire = System.nanoTime();
    while (running) {
      try {
        Reference<?> dead = queue.remove(POLL_MILLIS);
        gcCount = gcCycles.count();
        while (dead != null) {
          died((Tracked) dead);
          dead = queue.poll();
        }
        long now = System.nanoTime();
        if (now - lastRetire > RETIRE_EVERY_MILLIS * 1_000_000) {
          retireLongLived();
          lastRetire = now;
        }
      } catch (InterruptedException e) {
        if (!running) {
          return;
        }
      } catch (Throwable t) {
        // Never let the tracker die silently with objects in flight: count nothing more and stop sampling.
        Allocations.fail("lifetime tracking failed: " + t);
        return;
      }
    }
  }

  private void died(Tracked tracked) {
    if (!inFlight.remove(tracked)) {
      return; // retired as long-lived or at the end, then cleared by us
    }
    inFlightCount.decrementAndGet();
    // The collection that freed it is counted by now, unless its bean lags: then at least that one collection.
    long survived = Math.max(0, gcCount - tracked.birthGc - 1);
    double ageMillis = (System.nanoTime() - tracked.birthNanos) / 1e6;
    tracked.site.died(survived, ageMillis);
  }

  /**
   * Retires objects that this thread has seen alive across {@link #LONG_LIVED_GCS} collections. Counted from the
   * first time it saw them, not from their birth count, which lags when the CPUs are saturated: a burst of
   * collections while this thread waited would otherwise make a newborn look sixteen collections old (seen in CI).
   */
  private void retireLongLived() {
    long now = gcCount;
    for (Tracked tracked : inFlight) {
      if (tracked.firstSeenGc < 0) {
        tracked.firstSeenGc = now;
        continue;
      }
      if (now - tracked.firstSeenGc >= LONG_LIVED_GCS && tracked.get() != null && inFlight.remove(tracked)) {
        inFlightCount.decrementAndGet();
        tracked.clear();
        tracked.site.livedLong();
      }
    }
  }

  /** The weak reference with what the death record needs; identity equality, as the set requires. */
  private static final class Tracked extends WeakReference<Object> {
    final Site site;
    final long birthNanos;
    final long birthGc;
    /** The collection count when this thread first saw it alive, or -1; only this thread reads or writes it. */
    long firstSeenGc = -1;

    Tracked(Object referent, Site site, long birthNanos, long birthGc, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.site = site;
      this.birthNanos = birthNanos;
      this.birthGc = birthGc;
    }
  }
}
