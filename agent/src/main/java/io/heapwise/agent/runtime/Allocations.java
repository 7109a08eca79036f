// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.runtime;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What rewritten allocation sites call, from classes of every loader that delegates to the application class
 * loader, where the agent jar is. The package uses nothing but the JDK, and its state is static: one per JVM, kept
 * across attaches.
 *
 * <p>The fast path is what every allocation in the included packages pays: one volatile read and one draw from
 * the thread's {@link ThreadLocalRandom}, whose state lives in the {@link Thread} object itself, so sampling is
 * per thread without a thread-local lookup. A draw below the threshold samples the allocation: each allocation is
 * sampled with probability 1/N, independently, so loops whose period divides N cannot hide a site.
 */
public final class Allocations {

  private static final int OFF = 0;
  private static final int SAMPLING = 1;
  private static final int SAMPLING_AND_COUNTING = 2;

  private static volatile int mode = OFF;
  /** {@code nextInt() <= threshold} has probability 1/N over the 2^32 ints; the minimum when off. */
  private static volatile int threshold = Integer.MIN_VALUE;
  private static volatile long sampleInterval = 1;
  private static volatile boolean exactCounts;
  private static volatile LifetimeTracker tracker;
  private static volatile Instrumentation sizer;
  private static volatile Consumer<String> failures = message -> { };
  private static final AtomicLong DROPPED_TOTAL = new AtomicLong();
  private static final AtomicBoolean FAILED = new AtomicBoolean();

  private Allocations() {}

  /**
   * Called right after an object or array is allocated (and constructed) at site {@code site}. Kept to the draw
   * and one compare: it is inlined into every allocation site of the included packages, whose own inlining
   * budget it spends. Turned off, the threshold makes a sample a 1 in 2^32 event, which {@link #sample} drops.
   */
  public static void allocated(Object object, int site) {
    if (ThreadLocalRandom.current().nextInt() <= threshold) {
      sample(object, site);
    }
  }

  /** {@link #allocated} for {@code count=exact}: also counts the allocation, contending across threads. */
  public static void allocatedAndCounted(Object object, int site) {
    if (mode == SAMPLING_AND_COUNTING) {
      count(site);
    }
    allocated(object, site);
  }

  /** Called before each return and throw of a method that allocates default-capacity collections. */
  public static void methodExit(int methodId) {
    if (PendingSizes.anyWaiting()) {
      try {
        PendingSizes.exit(methodId);
      } catch (Throwable t) {
        fail("sizing collections failed: " + t);
      }
    }
  }

  /**
   * Starts sampling one allocation in {@code interval} per thread, tracking at most {@code maxTracked} objects.
   * {@code onFailure} hears, once, why measuring stopped.
   */
  public static synchronized void start(long interval, boolean exactCounts, int maxTracked,
      Instrumentation instrumentation, Consumer<String> onFailure) {
    sizer = instrumentation;
    failures = onFailure;
    FAILED.set(false);
    sampleInterval = interval;
    Allocations.exactCounts = exactCounts;
    if (tracker == null) {
      tracker = new LifetimeTracker(maxTracked);
      tracker.start();
    }
    mode = exactCounts ? SAMPLING_AND_COUNTING : SAMPLING;
    threshold = (int) (Integer.MIN_VALUE + Math.round(4_294_967_296.0 / interval) - 1);
  }

  /** Stops sampling: rewritten code that still runs returns at once. What was measured can still be drained. */
  public static void stopSampling() {
    mode = OFF;
    threshold = Integer.MIN_VALUE;
  }

  /** Stops sampling and lets go of the objects still tracked; call after the last drain. */
  public static synchronized void stop() {
    stopSampling();
    if (tracker != null) {
      tracker.stop();
      tracker = null;
    }
  }

  public static long sampleInterval() {
    return sampleInterval;
  }

  public static long droppedTotal() {
    return DROPPED_TOTAL.get();
  }

  public static int inFlight() {
    LifetimeTracker current = tracker;
    return current == null ? 0 : current.inFlight();
  }

  /**
   * Hands each site's measurements since the last drain to {@code sink}. With {@code end}, the objects still
   * tracked are counted as alive at the end and forgotten.
   */
  public static synchronized void drain(boolean end, Consumer<SiteSnapshot> sink) {
    LifetimeTracker current = tracker;
    Map<Integer, Long> alive = end && current != null ? current.retireAllAlive() : Map.of();
    boolean exact = exactCounts;
    Sites.forEach(site -> {
      SiteSnapshot snapshot = site.drain(alive.getOrDefault(site.id(), 0L), exact);
      if (snapshot != null) {
        sink.accept(snapshot);
      }
    });
  }

  static void fail(String why) {
    stopSampling();
    if (FAILED.compareAndSet(false, true)) {
      failures.accept(why);
    }
  }

  private static void count(int siteId) {
    Site site = Sites.get(siteId);
    if (site != null) {
      site.allocations.incrementAndGet();
    }
  }

  private static void sample(Object object, int siteId) {
    if (mode == OFF) {
      return;
    }
    try {
      Site site = Sites.get(siteId);
      if (site == null) {
        return;
      }
      site.samples.incrementAndGet();
      site.sampledBytes.addAndGet(shallowBytes(object, site));
      if (site.measuresSize()) {
        PendingSizes.await(object, site);
      }
      if (!tracker.track(object, site)) {
        site.dropped.incrementAndGet();
        DROPPED_TOTAL.incrementAndGet();
      }
    } catch (Throwable t) {
      fail("sampling failed: " + t);
    }
  }

  private static long shallowBytes(Object object, Site site) {
    if (site.isArray()) {
      return sizer.getObjectSize(object);
    }
    long bytes = site.instanceBytes;
    if (bytes == 0) {
      bytes = sizer.getObjectSize(object);
      site.instanceBytes = bytes;
    }
    return bytes;
  }
}
