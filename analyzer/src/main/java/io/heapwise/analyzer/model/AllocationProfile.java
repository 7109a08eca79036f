// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The allocation model of one analysis: sites ranked by bytes, totals by type and thread, allocation over time,
 * and the collector's activity. Built by {@link ProfileBuilder}; what detectors and the report read.
 *
 * @param agentVersion the Heapwise agent that made the recordings, {@code null} when none did
 * @param applicationPackages the packages whose frames are sites; empty means every frame outside the JDK
 * @param allocationSource the events bytes were computed from; {@code null} when there were none
 * @param sites by bytes, largest first
 * @param allocationWeightSquares the sum of the squared weights counted from {@code allocationSource}, settled
 *     first samples included, for {@link #effectiveAllocationSamples()}; 0 without allocation events
 * @param exactAllocatedByThread from {@code jdk.ThreadAllocationStatistics}: exact, not sampled
 * @param durationSeconds the time the recordings cover
 * @param threadStartSites where threads were started, most starts first
 * @param peakLiveThreads the most live threads at once ({@code jdk.JavaThreadStatistics}), {@code -1} if unknown
 * @param oldObjectSamples all {@code jdk.OldObjectSample} events; each site has its own share
 * @param largeAllocationSites allocations that forced a collection, largest total first
 * @param enabledEvents the event types the recording's settings enabled ({@code jdk.ActiveSetting}); empty when
 *     the recording does not list its settings, so absence of an event there says nothing
 * @param embeddedClassFiles application class files the Heapwise agent put into the recording, by binary name
 * @param measuredLifetimes the agent's lifetime measurements per instrumented site ({@code heapwise.SiteLifetimes});
 *     empty without instrumentation
 * @param measuredSizes the agent's sizes of default-capacity collections per constructor site
 *     ({@code heapwise.CollectionSizes}); empty without instrumentation
 * @param instrumentation how the agent's instrumentation ran, {@code null} when it did not
 * @param problems one line for each part of a recording that could not be read
 * @param firstSampleCorrection what was left out of the threads' first allocation samples as allocated before the
 *     recording began
 * @param eventCounts events read per event type name, of every type
 * @param jit what the JIT compilers did, as far as the recording holds it ({@code jdk.Compilation},
 *     {@code jdk.CompilerInlining})
 * @param tests per test, what it allocated ({@code heapwise.Test} events of the Heapwise JUnit extension); empty
 *     when the recording has none
 * @param stacks allocation by whole stack, from {@code allocationSource}; {@code null} unless the builder was asked
 *     to record stacks ({@link ProfileBuilder#recordStacks})
 */
public record AllocationProfile(
    List<String> files,
    String jdkVersion,
    String agentVersion,
    List<String> applicationPackages,
    double durationSeconds,
    long eventsRead,
    AllocationSource allocationSource,
    List<AllocationSite> sites,
    double allocationWeightSquares,
    Map<String, Long> bytesByType,
    Map<String, Long> bytesByThread,
    Map<String, Long> exactAllocatedByThread,
    List<TimelinePoint> timeline,
    List<GcEvent> collections,
    List<HeapSample> heapSamples,
    List<String> collectors,
    List<ThreadStartSite> threadStartSites,
    long peakLiveThreads,
    VmSettings vmSettings,
    long oldObjectSamples,
    List<LargeAllocationSite> largeAllocationSites,
    Set<String> enabledEvents,
    Map<String, byte[]> embeddedClassFiles,
    Map<InstrumentedSite, MeasuredLifetimes> measuredLifetimes,
    Map<InstrumentedSite, MeasuredSizes> measuredSizes,
    InstrumentationStats instrumentation,
    List<String> problems,
    FirstSampleCorrection firstSampleCorrection,
    Map<String, Long> eventCounts,
    JitActivity jit,
    Map<String, TestAllocation> tests,
    StackNode stacks) {

  public AllocationProfile {
    tests = Map.copyOf(tests);
    files = List.copyOf(files);
    eventCounts = Map.copyOf(eventCounts);
    applicationPackages = List.copyOf(applicationPackages);
    sites = List.copyOf(sites);
    bytesByType = Map.copyOf(bytesByType);
    bytesByThread = Map.copyOf(bytesByThread);
    exactAllocatedByThread = Map.copyOf(exactAllocatedByThread);
    timeline = List.copyOf(timeline);
    collections = List.copyOf(collections);
    heapSamples = List.copyOf(heapSamples);
    collectors = List.copyOf(collectors);
    threadStartSites = List.copyOf(threadStartSites);
    largeAllocationSites = List.copyOf(largeAllocationSites);
    enabledEvents = Set.copyOf(enabledEvents);
    embeddedClassFiles = Map.copyOf(embeddedClassFiles);
    measuredLifetimes = Map.copyOf(measuredLifetimes);
    measuredSizes = Map.copyOf(measuredSizes);
    problems = List.copyOf(problems);
  }

  public long totalBytes() {
    long total = 0;
    for (AllocationSite site : sites) {
      total += site.bytes();
    }
    return total;
  }

  public long allocationSamples() {
    long total = 0;
    for (AllocationSite site : sites) {
      total += site.samples();
    }
    return total;
  }

  /**
   * How many evenly weighted samples the sites' bytes are as good as: Kish's effective sample size,
   * {@code (sum w)^2 / sum w^2}. The number of samples when they weigh alike, far fewer when a throttle that cut
   * bursts of allocation left a few samples carrying most bytes.
   */
  public double effectiveAllocationSamples() {
    long samples = allocationSamples();
    if (!(allocationWeightSquares > 0)) {
      return samples;
    }
    double total = totalBytes();
    return Math.min(samples, total * total / allocationWeightSquares);
  }

  /** All {@code jdk.ThreadStart} events, whichever frame started the thread. */
  public long threadsStarted() {
    return threadStartSites.stream().mapToLong(ThreadStartSite::starts).sum();
  }

  /** Whether the recording's settings enabled an event type; {@code null} when the recording does not say. */
  public Boolean eventEnabled(String eventName) {
    return enabledEvents.isEmpty() ? null : enabledEvents.contains(eventName);
  }

  /**
   * The agent's lifetimes of the objects a JFR site allocated: the instrumented site with the same class, method,
   * line and allocated type. Empty for sites the JDK allocated for the application (see
   * {@link InstrumentedSite#of(SiteKey)}) and for recordings without instrumentation.
   */
  public Optional<MeasuredLifetimes> measuredLifetimesOf(AllocationSite site) {
    return InstrumentedSite.of(site.key()).map(measuredLifetimes::get);
  }

  /** The agent's sizes of the {@code collectionType} objects constructed at {@code frame}'s line. */
  public Optional<MeasuredSizes> measuredSizesAt(Frame frame, String collectionType) {
    return Optional.ofNullable(measuredSizes.get(InstrumentedSite.of(frame, collectionType)));
  }

  public double bytesPerSecond() {
    return durationSeconds > 0 ? totalBytes() / durationSeconds : 0;
  }
}
