// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.jfr;

import io.heapwise.agent.boot.AgentArgs;
import io.heapwise.agent.runtime.Allocations;
import io.heapwise.agent.runtime.Site;
import io.heapwise.agent.runtime.SiteSnapshot;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jdk.jfr.FlightRecorder;

/**
 * Turns what instrumentation measured into {@code heapwise.*} events: one per site and period, never one per
 * object. A period ends every {@link #PERIOD_SECONDS} seconds and when the recording ends, so that the last
 * seconds are in the file too; the last period also counts the objects still alive.
 */
public final class LifetimeReporter {

  /** Short enough that a recording cut by a crash loses little, long enough to cost nothing. */
  static final long PERIOD_SECONDS = 10;

  /** Counters kept by whoever rewrites classes. */
  public interface Counts {
    long classesInstrumented();

    long classesSkipped();

    long sites();
  }

  private final AgentArgs args;
  private final Counts counts;
  private final ScheduledExecutorService timer;
  private final Runnable chunkEndHook = this::atChunkEnd;
  private boolean ended;

  private LifetimeReporter(AgentArgs args, Counts counts) {
    this.args = args;
    this.counts = counts;
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "heapwise-report");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Enables the events in the agent's recording and starts the periods. */
  public static LifetimeReporter start(RecordingControl control, AgentArgs args, Counts counts) {
    LifetimeReporter reporter = new LifetimeReporter(args, counts);
    control.enable(SiteLifetimesEvent.class);
    control.enable(CollectionSizesEvent.class);
    // JFR calls this hook when a chunk ends, which includes the end of the recording at exit, when no thread
    // of ours is sure to run again.
    FlightRecorder.addPeriodicEvent(InstrumentationEvent.class, reporter.chunkEndHook);
    control.enableAtChunkEnd(InstrumentationEvent.class);
    reporter.timer.scheduleAtFixedRate(() -> reporter.flush(false), PERIOD_SECONDS, PERIOD_SECONDS,
        TimeUnit.SECONDS);
    return reporter;
  }

  /** Ends the last period: writes what is left, with the objects still alive; later calls write nothing. */
  public void end() {
    timer.shutdownNow();
    flush(true);
    // A later attach to this JVM registers its own reporter; this one must not linger as a hook.
    FlightRecorder.removePeriodicEvent(chunkEndHook);
  }

  private void atChunkEnd() {
    flush(jvmShuttingDown());
  }

  private synchronized void flush(boolean end) {
    if (ended) {
      return;
    }
    ended = end;
    Allocations.drain(end, this::commit);
    InstrumentationEvent state = new InstrumentationEvent();
    state.include = String.join(";", args.include());
    state.sampleInterval = Allocations.sampleInterval();
    state.exactCounts = args.exactCounts();
    state.maxTracked = args.maxTracked();
    state.classesInstrumented = counts.classesInstrumented();
    state.classesSkipped = counts.classesSkipped();
    state.sites = counts.sites();
    state.inFlight = Allocations.inFlight();
    state.droppedTotal = Allocations.droppedTotal();
    state.commit();
  }

  private void commit(SiteSnapshot snapshot) {
    Site site = snapshot.site();
    if (snapshot.hasLifetimes()) {
      SiteLifetimesEvent event = new SiteLifetimesEvent();
      event.className = site.className();
      event.method = site.method();
      event.line = site.line();
      event.allocatedType = site.allocatedType();
      event.allocations = snapshot.allocations();
      event.samples = snapshot.samples();
      event.sampleInterval = Allocations.sampleInterval();
      event.sampledBytes = snapshot.sampledBytes();
      event.died = snapshot.died();
      event.longLived = snapshot.longLived();
      event.aliveAtEnd = snapshot.aliveAtEnd();
      event.dropped = snapshot.dropped();
      event.gcHistogram = snapshot.gcHistogram();
      event.ageHistogram = snapshot.ageHistogram();
      event.commit();
    }
    if (snapshot.hasSizes()) {
      CollectionSizesEvent event = new CollectionSizesEvent();
      event.className = site.className();
      event.method = site.method();
      event.line = site.line();
      event.allocatedType = site.allocatedType();
      event.measured = snapshot.measuredSizes();
      event.sizeHistogram = snapshot.sizeHistogram();
      event.sizeMax = snapshot.sizeMax();
      event.sizeSum = snapshot.sizeSum();
      event.commit();
    }
  }

  /** True once shutdown hooks run: a hook can no longer be added then. */
  private static boolean jvmShuttingDown() {
    Thread probe = new Thread(() -> { });
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
