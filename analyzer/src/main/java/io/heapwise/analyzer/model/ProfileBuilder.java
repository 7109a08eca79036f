// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Aggregates events into the allocation model while they stream by, so that memory grows with the number of
 * distinct sites, types and threads, never with the number of events. Not thread-safe: one per reading thread, or
 * guarded by one lock for all calls, as {@code LiveProfile} does.
 */
public final class ProfileBuilder {

  private static final int SOURCES = AllocationSource.values().length;
  private static final long TIMELINE_BUCKET_MILLIS = 1_000;
  private static final long NO_ORIGIN = Long.MIN_VALUE;
  /**
   * Distinct sites kept apart; the allocations of any further site are counted together under {@link #OTHER_SITES}.
   * Real services have a few thousand; the bound keeps a pathological recording (generated classes, say) from
   * taking the heap.
   */
  static final int MAX_SITES = 20_000;
  /** The site of allocations beyond the {@link #MAX_SITES} bound. */
  public static final SiteKey OTHER_SITES = new SiteKey("(other sites)", null, null);
  /** Likewise for thread names: a service that starts a thread per task would otherwise grow without end. */
  static final int MAX_THREAD_NAMES = 10_000;
  public static final String OTHER_THREADS = "(other threads)";

  /** In the order sites were first seen, so that which sites the bound keeps apart does not depend on hashing. */
  private final Map<SiteKey, SiteStats> sites = new LinkedHashMap<>();
  private final Map<String, long[]> bytesByType = new HashMap<>();
  private final Map<String, long[]> bytesByThread = new LinkedHashMap<>();
  private final TreeMap<Long, long[]> bytesBySecond = new TreeMap<>();
  private final WeightSquares[] weightSquares = newWeightSquares();
  private long lastSecondStartNanos;
  private long[] lastSecondBytes;
  private final Map<String, Long> exactAllocatedByThread = new LinkedHashMap<>();
  private final List<GcEvent> collections = new ArrayList<>();
  private final List<HeapSample> heapSamples = new ArrayList<>();
  private final Set<String> collectors = new LinkedHashSet<>();
  private final List<String> files = new ArrayList<>();
  private final Set<String> applicationPackages = new LinkedHashSet<>();
  private String agentVersion;
  private final List<String> problems = new ArrayList<>();
  private String jdkVersion;
  private long eventsRead;
  /** Events read per type: a work counter for the gate ({@code --work-event}), among others. */
  private final Map<String, long[]> eventCounts = new HashMap<>();
  private String lastEventType;
  private long[] lastEventCount;
  private final Map<String, TestAllocation> tests = new HashMap<>();
  private JitEvents jit = new JitEvents();
  private long durationNanos;
  private final Map<String, String> flags = new HashMap<>();
  private Boolean compressedOops;
  private int objectAlignment = -1;
  private final Map<Frame, long[]> threadStartsByFrame = new HashMap<>();
  private final Map<Frame, List<Frame>> threadStartFrames = new HashMap<>();
  private long peakLiveThreads = -1;
  private final Map<SiteKey, Long> survivorsBySite = new HashMap<>();
  private long oldObjectSamples;
  private final Map<Frame, long[]> largeAllocationsByFrame = new HashMap<>();
  private final Map<Frame, List<Frame>> largeAllocationFrames = new HashMap<>();
  private final Set<String> enabledEvents = new java.util.TreeSet<>();
  private final Map<String, byte[]> embeddedClassFiles = new HashMap<>();
  private final Map<InstrumentedSite, MeasuredLifetimes> measuredLifetimes = new HashMap<>();
  private final Map<InstrumentedSite, MeasuredSizes> measuredSizes = new HashMap<>();
  private InstrumentationStats instrumentation;
  /** Per event type: how many of the agent's events were skipped, and why the first one was. */
  private final Map<String, SkippedEvents> skippedAgentEvents = new TreeMap<>();
  /** Each thread's first ObjectAllocationSample per recording, counted only when the profile is built. */
  private final FirstSamples firstSamples = new FirstSamples();
  /** Where site timelines begin: the first chunk's start, or for a successor its first sample. */
  private long timelineOrigin = NO_ORIGIN;
  /** A successor's: its recording began in an earlier window, whose builder settled the first samples. */
  private boolean recordingUnderWay;
  /** Whether {@link #file} was this builder's first call: {@link #append} then starts another recording. */
  private boolean beganWithFile;
  /** Allocation by whole stack, for graphical reports; {@code null} unless {@link #recordStacks} asked for it. */
  private CallTree callTree;

  public ProfileBuilder() {
    this(NO_ORIGIN);
  }

  private ProfileBuilder(long timelineOrigin) {
    this.timelineOrigin = timelineOrigin;
  }

  /**
   * A builder for one chunk, to be {@link #append appended} to the builder of the chunks before it: site timelines
   * count from {@code timelineOriginEpochNanos}, the start of the first chunk that the whole analysis reads, so that
   * they add up.
   */
  public static ProfileBuilder forChunk(long timelineOriginEpochNanos) {
    return new ProfileBuilder(timelineOriginEpochNanos);
  }

  /** Keeps allocation by whole stack too, in a {@link CallTree}: what flame graphs and profile exports draw. */
  public void recordStacks() {
    if (callTree == null) {
      callTree = new CallTree();
    }
  }

  /** Where readers resolve each stack's node; {@code null} when stacks are not recorded. */
  public CallTree callTree() {
    return callTree;
  }

  public void file(String name) {
    beganWithFile |= eventsRead == 0 && files.isEmpty() && durationNanos == 0;
    files.add(name);
    firstSamples.newRecording();
  }

  /** A chunk of a file begins, at {@code startEpochNanos} by its header. */
  public void chunkStarted(long startEpochNanos) {
    firstSamples.chunkStarted(startEpochNanos);
    if (timelineOrigin == NO_ORIGIN) {
      timelineOrigin = startEpochNanos;
    }
  }

  /**
   * How the file being read is attributed: its application packages (empty: every frame outside the JDK), and
   * the version of the Heapwise agent that recorded it, or {@code null} for other recordings.
   */
  public void attribution(List<String> packages, String recordedByAgentVersion) {
    applicationPackages.addAll(packages);
    if (agentVersion == null) {
      agentVersion = recordedByAgentVersion;
    }
  }

  /**
   * Adds to the time the recordings cover: a file adds each chunk's duration from its header; a live stream, which
   * has no chunk headers, adds whatever each new event extends its span by.
   */
  public void chunkSpan(long durationNanos) {
    this.durationNanos += Math.max(0, durationNanos);
  }

  /**
   * An event of a type the model uses, committed (ended) at {@code commitEpochNanos}: the earliest is where the
   * recording starts.
   */
  public void eventCommitted(long commitEpochNanos) {
    firstSamples.committed(commitEpochNanos);
  }

  /** {@code count} more events of {@code eventType} were read or walked past: the gate counts work by them. */
  public void eventsRead(String eventType, long count) {
    eventsRead += count;
    // Events come in runs of one type, and a reader hands out one name object per type.
    if (eventType != lastEventType) {
      lastEventType = eventType;
      lastEventCount = eventCounts.computeIfAbsent(eventType, type -> new long[1]);
    }
    lastEventCount[0] += count;
  }

  /** A finished JIT compilation ({@code jdk.Compilation}). */
  public void compilation(MethodId method, int compileId, int level, boolean succeeded, long endEpochNanos) {
    jit.compilation(method, compileId, level, succeeded, endEpochNanos);
  }

  /** An inlining decision ({@code jdk.CompilerInlining}); which compiler made it is settled in {@link #build}. */
  public void inlining(int compileId, MethodId caller, int bytecodeIndex, MethodId callee, boolean succeeded,
      String message) {
    jit.inlining(compileId, caller, bytecodeIndex, callee, succeeded, message);
  }

  /** The recording keeps every compilation, not only slow ones. */
  public void everyCompilationRecorded() {
    jit.everyCompilationRecorded();
  }

  /** One run of a test, from the Heapwise JUnit extension. */
  public void testRan(String test, long bytes, boolean failed) {
    tests.merge(test, TestAllocation.run(bytes, failed), TestAllocation::plus);
  }

  public void problem(String line) {
    problems.add(line);
  }

  /**
   * One allocation event.
   *
   * @param objectBytes the allocated object's exact size when the event carries it, else {@code -1}
   * @param threadId the JFR thread's id, which samples, readings and thread starts share (names need not be unique)
   */
  public void allocation(AllocationSource source, String allocatedType, SiteAttributor.Attribution attribution,
      long weight, long objectBytes, String thread, long threadId, long epochNanos) {
    allocation(source, site(allocatedType, attribution), thread(thread, threadId),
        callTree == null ? null : callTree.leaf(attribution.frames(), allocatedType), weight, objectBytes, epochNanos);
  }

  /**
   * Where a reader counts the allocations of one site: resolved once per site (per stack trace, say) rather than
   * per event, which matters at millions of events a second. Valid for this builder only.
   */
  public static final class SiteSlot {
    private final SiteStats stats;
    private final String type;
    private final long[] typeBytes;

    private SiteSlot(SiteStats stats, String type, long[] typeBytes) {
      this.stats = stats;
      this.type = type;
      this.typeBytes = typeBytes;
    }
  }

  /** Likewise for the thread an allocation happened in. */
  public static final class ThreadSlot {
    private final String name;
    private final FirstSamples.ThreadHandle firstSamples;
    private final long[] bytes;

    private ThreadSlot(String name, long id, long[] bytes) {
      this.name = name;
      this.firstSamples = new FirstSamples.ThreadHandle(id);
      this.bytes = bytes;
    }
  }

  /** The slot of the site {@code allocatedType} allocated at {@code attribution}, or of the other sites when full. */
  public SiteSlot site(String allocatedType, SiteAttributor.Attribution attribution) {
    SiteKey key = new SiteKey(allocatedType, attribution.appFrame(), attribution.mechanism());
    SiteStats stats = sites.get(key);
    if (stats == null) {
      SiteKey kept = sites.size() < MAX_SITES ? key : OTHER_SITES;
      stats = sites.computeIfAbsent(kept, k -> new SiteStats(k, k == OTHER_SITES ? List.of() : attribution.frames()));
    }
    return new SiteSlot(stats, allocatedType, bytesByType.computeIfAbsent(allocatedType, t -> new long[SOURCES]));
  }

  /** The slot of thread {@code threadId}, named {@code name} in the report (or counted with other threads). */
  public ThreadSlot thread(String name, long threadId) {
    return new ThreadSlot(name, threadId,
        bytesByThread.computeIfAbsent(threadKey(bytesByThread, name), t -> new long[SOURCES]));
  }

  /**
   * One allocation event, at slots from {@link #site} and {@link #thread}.
   *
   * @param stack the event's node in {@link #callTree()}, {@code null} when stacks are not recorded
   */
  public void allocation(AllocationSource source, SiteSlot site, ThreadSlot thread, CallTree.Node stack, long weight,
      long objectBytes, long epochNanos) {
    if (weight <= 0) {
      return;
    }
    site.stats.size(objectBytes);
    if (source == AllocationSource.OBJECT_ALLOCATION_SAMPLE && !recordingUnderWay) {
      // Only these weights are deltas of a per-thread counter; TLAB events weigh their own TLAB.
      FirstSamples.Sample displaced = firstSamples.sample(thread.firstSamples, site.stats.key(), site.type, thread.name,
          stack, weight, epochNanos);
      if (displaced == FirstSamples.HELD) {
        return;
      }
      if (displaced != null) {
        count(source, displaced);
        return;
      }
    }
    count(source, site.stats, site.typeBytes, thread.bytes, stack, weight, epochNanos);
  }

  /**
   * The per-second totals of {@code epochNanos}'s second; events come mostly in time order, so the last second is
   * remembered by its start, which spares two divisions per event. One unsigned comparison tells an event before
   * that second from one after it: as two branches, the one taken rarely made the JIT throw the compiled hot path
   * away when it first was.
   */
  private long[] secondSlot(long epochNanos) {
    if (lastSecondBytes == null
        || Long.compareUnsigned(epochNanos - lastSecondStartNanos, TIMELINE_BUCKET_MILLIS * 1_000_000L) >= 0) {
      long second = bucket(epochNanos);
      lastSecondStartNanos = second * 1_000_000L;
      lastSecondBytes = bytesBySecond.computeIfAbsent(second, b -> new long[SOURCES]);
    }
    return lastSecondBytes;
  }

  /** A sample held aside earlier and counted now, its site's, type's and thread's totals looked up by name. */
  private void count(AllocationSource source, FirstSamples.Sample sample) {
    count(source, sites.get(sample.site()), bytesByType.computeIfAbsent(sample.type(), t -> new long[SOURCES]),
        bytesByThread.computeIfAbsent(threadKey(bytesByThread, sample.thread()), t -> new long[SOURCES]),
        callTree == null || sample.stack() == null ? null : callTree.same(sample.stack()), sample.weight(),
        sample.epochNanos());
  }

  private void count(AllocationSource source, SiteStats site, long[] typeBytes, long[] threadBytes,
      CallTree.Node stack, long weight, long epochNanos) {
    if (timelineOrigin == NO_ORIGIN) {
      timelineOrigin = epochNanos;
    }
    site.add(source, weight, epochNanos - timelineOrigin);
    weightSquares[source.ordinal()].add(weight);
    typeBytes[source.ordinal()] += weight;
    threadBytes[source.ordinal()] += weight;
    secondSlot(epochNanos)[source.ordinal()] += weight;
    if (stack != null) {
      callTree.count(stack, source, weight);
    }
  }

  /** The thread's own name while the map has room for it, else {@link #OTHER_THREADS}. */
  private static String threadKey(Map<String, ?> byThread, String thread) {
    return byThread.size() < MAX_THREAD_NAMES || byThread.containsKey(thread) ? thread : OTHER_THREADS;
  }

  private static long bucket(long epochNanos) {
    return Math.floorDiv(Math.floorDiv(epochNanos, 1_000_000L), TIMELINE_BUCKET_MILLIS) * TIMELINE_BUCKET_MILLIS;
  }

  /** {@code jdk.ThreadAllocationStatistics}: the thread's exact allocation since it started, at {@code epochNanos}. */
  public void threadAllocated(String thread, long threadId, long epochNanos, long allocatedBytes) {
    exactAllocatedByThread.merge(threadKey(exactAllocatedByThread, thread), allocatedBytes, Math::max);
    firstSamples.threadAllocated(threadId, epochNanos, allocatedBytes);
  }

  public void collection(GcEvent gc) {
    collections.add(gc);
  }

  public void heapSample(HeapSample sample) {
    heapSamples.add(sample);
  }

  public void collector(String name) {
    if (name != null && !name.isBlank()) {
      collectors.add(name);
    }
  }

  public void jdkVersion(String version) {
    if (jdkVersion == null && version != null && !version.isBlank()) {
      jdkVersion = version;
    }
  }

  /**
   * {@code jdk.ThreadStart}, attributed like an allocation: to the application frame that called start.
   *
   * @param threadId the started thread's JFR id
   */
  public void threadStarted(SiteAttributor.Attribution creator, long threadId) {
    firstSamples.threadStarted(threadId);
    Frame frame = creator.appFrame();
    threadStartsByFrame.computeIfAbsent(frame, f -> new long[1])[0]++;
    threadStartFrames.putIfAbsent(frame, creator.frames());
  }

  /** {@code jdk.JavaThreadStatistics}: live threads at one instant, and the peak so far. */
  public void liveThreads(long active, long peak) {
    peakLiveThreads = Math.max(peakLiveThreads, Math.max(active, peak));
  }

  /** One {@code -XX} flag as the recording lists it; a later value (a manageable flag changed) wins. */
  public void flag(String name, String value) {
    if (name != null && value != null) {
      flags.put(name, value);
    }
  }

  public void heapConfiguration(boolean usesCompressedOops, int objectAlignmentBytes) {
    compressedOops = usesCompressedOops;
    objectAlignment = objectAlignmentBytes;
  }

  /** {@code jdk.OldObjectSample}: an object from this site was still alive long after its allocation. */
  public void survivor(String allocatedType, SiteAttributor.Attribution attribution) {
    oldObjectSamples++;
    survivorsBySite.merge(new SiteKey(allocatedType, attribution.appFrame(), attribution.mechanism()), 1L, Long::sum);
  }

  /** {@code jdk.AllocationRequiringGC}: an allocation that did not fit and forced a collection. */
  public void allocationRequiringGc(SiteAttributor.Attribution attribution, long sizeBytes) {
    Frame frame = attribution.appFrame();
    long[] stats = largeAllocationsByFrame.computeIfAbsent(frame, f -> new long[3]);
    stats[0]++;
    stats[1] = Math.max(stats[1], sizeBytes);
    stats[2] += Math.max(0, sizeBytes);
    largeAllocationFrames.putIfAbsent(frame, attribution.frames());
  }

  /** An application class file the agent put into the recording ({@code heapwise.ClassFile}). */
  public void embeddedClassFile(String className, byte[] classFile) {
    embeddedClassFiles.putIfAbsent(className, classFile);
  }

  /** One period of {@code heapwise.SiteLifetimes} for a site; periods add up. */
  public void siteLifetimes(InstrumentedSite site, MeasuredLifetimes period) {
    measuredLifetimes.merge(site, period, MeasuredLifetimes::plus);
  }

  /** One period of {@code heapwise.CollectionSizes} for a constructor site; periods add up. */
  public void collectionSizes(InstrumentedSite site, MeasuredSizes period) {
    measuredSizes.merge(site, period, MeasuredSizes::plus);
  }

  /** One period of {@code heapwise.Instrumentation}. */
  public void instrumentation(InstrumentationStats period) {
    instrumentation = instrumentation == null ? period : instrumentation.then(period);
  }

  /**
   * One of the agent's events that could not be used (a malformed histogram, a missing field): left out of the
   * model, and reported once per event type with a count, however many there were.
   */
  public void skippedAgentEvent(String eventName, String why) {
    skippedAgentEvents.computeIfAbsent(eventName, name -> new SkippedEvents(why)).count++;
  }

  /**
   * The recording reads {@code jdk.ThreadAllocationStatistics} as each chunk begins (default.jfc's "everyChunk"), so
   * the threads of its first reading were there before it began.
   */
  public void threadAllocationsReadAtChunkStart() {
    firstSamples.readingsAtChunkStart();
  }

  /** An event type the recording's settings enabled ({@code jdk.ActiveSetting}). */
  public void eventEnabled(String eventName) {
    enabledEvents.add(eventName);
    if ("jdk.ThreadStart".equals(eventName)) {
      firstSamples.threadStartsRecorded();
    }
  }

  /** Where site timelines begin: the first chunk's start or sample, or {@code whenUnset} before either came. */
  public long timelineOrigin(long whenUnset) {
    return timelineOrigin == NO_ORIGIN ? whenUnset : timelineOrigin;
  }

  public long eventsRead() {
    return eventsRead;
  }

  /**
   * Adds everything {@code later} read, which came after what this builder read: the next chunk of the same file, or
   * the first of the next file. The result is what one builder reading both in turn would hold, with one exception:
   * past the {@link #MAX_SITES} bound, which sites keep their own name depends on where chunks begin. Chunks can so
   * be read in parallel, each into its own builder, and appended in file order. {@code later} is used up.
   */
  public void append(ProfileBuilder later) {
    Map<SiteKey, SiteKey> renamed = new HashMap<>();
    later.sites.forEach((key, theirs) -> {
      SiteStats mine = sites.get(key);
      if (mine != null) {
        mine.add(theirs);
      } else if (sites.size() < MAX_SITES && key != OTHER_SITES) {
        sites.put(key, theirs);
      } else {
        renamed.put(key, OTHER_SITES);
        sites.computeIfAbsent(OTHER_SITES, k -> new SiteStats(k, List.of())).add(theirs);
      }
    });
    if (!renamed.isEmpty()) {
      later.firstSamples.renameSites(key -> renamed.getOrDefault(key, key));
    }
    if (timelineOrigin == NO_ORIGIN) {
      timelineOrigin = later.timelineOrigin;
    }
    if (callTree != null && later.callTree != null) {
      callTree.append(later.callTree);
    }
    firstSamples.append(later.firstSamples, later.beganWithFile,
        released -> count(AllocationSource.OBJECT_ALLOCATION_SAMPLE, released));
    for (int i = 0; i < SOURCES; i++) {
      weightSquares[i].add(later.weightSquares[i]);
    }
    later.bytesByType.forEach((type, bytes) ->
        addAll(bytesByType.computeIfAbsent(type, t -> new long[SOURCES]), bytes));
    later.bytesByThread.forEach((thread, bytes) ->
        addAll(bytesByThread.computeIfAbsent(threadKey(bytesByThread, thread), t -> new long[SOURCES]), bytes));
    later.bytesBySecond.forEach((second, bytes) ->
        addAll(bytesBySecond.computeIfAbsent(second, b -> new long[SOURCES]), bytes));
    later.exactAllocatedByThread.forEach((thread, bytes) ->
        exactAllocatedByThread.merge(threadKey(exactAllocatedByThread, thread), bytes, Math::max));
    collections.addAll(later.collections);
    heapSamples.addAll(later.heapSamples);
    collectors.addAll(later.collectors);
    files.addAll(later.files);
    applicationPackages.addAll(later.applicationPackages);
    if (agentVersion == null) {
      agentVersion = later.agentVersion;
    }
    problems.addAll(later.problems);
    jdkVersion(later.jdkVersion);
    eventsRead += later.eventsRead;
    later.eventCounts.forEach((type, count) -> eventCounts.computeIfAbsent(type, t -> new long[1])[0] += count[0]);
    later.tests.forEach((test, runs) -> tests.merge(test, runs, TestAllocation::plus));
    jit.append(later.jit);
    durationNanos += later.durationNanos;
    flags.putAll(later.flags);
    if (later.compressedOops != null) {
      heapConfiguration(later.compressedOops, later.objectAlignment);
    }
    later.threadStartsByFrame.forEach((frame, starts) ->
        threadStartsByFrame.computeIfAbsent(frame, f -> new long[1])[0] += starts[0]);
    later.threadStartFrames.forEach(threadStartFrames::putIfAbsent);
    peakLiveThreads = Math.max(peakLiveThreads, later.peakLiveThreads);
    later.survivorsBySite.forEach((site, count) -> survivorsBySite.merge(site, count, Long::sum));
    oldObjectSamples += later.oldObjectSamples;
    later.largeAllocationsByFrame.forEach((frame, theirs) -> {
      long[] mine = largeAllocationsByFrame.computeIfAbsent(frame, f -> new long[3]);
      mine[0] += theirs[0];
      mine[1] = Math.max(mine[1], theirs[1]);
      mine[2] += theirs[2];
    });
    later.largeAllocationFrames.forEach(largeAllocationFrames::putIfAbsent);
    enabledEvents.addAll(later.enabledEvents);
    later.embeddedClassFiles.forEach(embeddedClassFiles::putIfAbsent);
    later.measuredLifetimes.forEach((site, period) -> siteLifetimes(site, period));
    later.measuredSizes.forEach((site, period) -> collectionSizes(site, period));
    if (later.instrumentation != null) {
      instrumentation(later.instrumentation);
    }
    later.skippedAgentEvents.forEach((event, theirs) -> {
      SkippedEvents mine = skippedAgentEvents.putIfAbsent(event, theirs);
      if (mine != null) {
        mine.count += theirs.count;
      }
    });
  }

  private static void addAll(long[] sums, long[] more) {
    for (int i = 0; i < sums.length; i++) {
      sums[i] += more[i];
    }
  }

  /**
   * A builder for the events that follow, which knows what this one learnt about the JVM and the recording (its
   * version, flags, collectors, heap layout, enabled events, embedded class files, packages) but none of what it
   * measured: the next window of a live stream that runs for days, whose reports cover a period each and whose
   * memory must not grow with uptime. Those facts come once per chunk, so the next window could not learn them
   * again until JFR starts a new one.
   *
   * <p>Its first samples are not held aside: the samples of a recording under way are exact deltas since each
   * thread's previous sample, taken in this window or the one before.
   */
  public ProfileBuilder successor() {
    ProfileBuilder next = new ProfileBuilder();
    next.collectors.addAll(collectors);
    next.files.addAll(files);
    next.applicationPackages.addAll(applicationPackages);
    next.agentVersion = agentVersion;
    next.jdkVersion = jdkVersion;
    next.flags.putAll(flags);
    next.compressedOops = compressedOops;
    next.objectAlignment = objectAlignment;
    next.enabledEvents.addAll(enabledEvents);
    next.embeddedClassFiles.putAll(embeddedClassFiles);
    // Carried on, not started afresh: the JIT compiles a hot method once, usually in the first minutes, and a later
    // period's allocations are still shaped by what it decided then.
    next.jit = jit;
    next.recordingUnderWay = true;
    if (callTree != null) {
      next.recordStacks();
    }
    return next;
  }

  /**
   * The profile of what was read so far. It shares nothing mutable with the builder, so reading may go on and
   * build again: a live stream's snapshots.
   */
  public AllocationProfile build() {
    AllocationSource source = chooseSource();
    FirstSamples.Settlement settlement = firstSamples.settle();
    FirstCounts first = new FirstCounts(source == AllocationSource.OBJECT_ALLOCATION_SAMPLE
        ? settlement.samples() : List.of());
    List<AllocationSite> siteList = new ArrayList<>();
    if (source != null) {
      for (SiteStats stats : sites.values()) {
        long[] firstOfSite = first.bySite.getOrDefault(stats.key(), FirstCounts.NONE);
        long samples = stats.samples(source) + firstOfSite[1];
        if (samples > 0) {
          siteList.add(new AllocationSite(stats.key(), stats.frames(), stats.bytes(source) + firstOfSite[0], samples,
              stats.sizes().copy(), survivorsBySite.getOrDefault(stats.key(), 0L),
              stats.timeline(source, timelineOrigin)));
        }
      }
    }
    siteList.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
    List<TimelinePoint> timeline = new ArrayList<>();
    if (source != null) {
      TreeMap<Long, Long> perSecond = new TreeMap<>(first.bySecond);
      bytesBySecond.forEach((start, bytes) -> perSecond.merge(start, bytes[source.ordinal()], Long::sum));
      perSecond.forEach((start, bytes) -> timeline.add(new TimelinePoint(start, TIMELINE_BUCKET_MILLIS, bytes)));
    }
    return new AllocationProfile(files, jdkVersion, agentVersion, List.copyOf(applicationPackages),
        durationNanos / 1e9, eventsRead, source, siteList,
        weightSquares(source, first),
        pick(bytesByType, source, first.byType), pick(bytesByThread, source, first.byThread), exactAllocatedByThread,
        timeline, collections, heapSamples, List.copyOf(collectors), threadStartSites(), peakLiveThreads,
        new VmSettings(flags, compressedOops, objectAlignment), oldObjectSamples, largeAllocationSites(),
        enabledEvents, embeddedClassFiles, measuredLifetimes, measuredSizes, instrumentation, allProblems(),
        source == AllocationSource.OBJECT_ALLOCATION_SAMPLE ? settlement.correction() : FirstSampleCorrection.NONE,
        eventCounts(), jit.activity(), tests, stacks(source, settlement));
  }

  /** The sum of the squared weights counted from {@code source}, settled first samples included. */
  private double weightSquares(AllocationSource source, FirstCounts first) {
    if (source == null) {
      return 0;
    }
    WeightSquares squares = new WeightSquares();
    squares.add(weightSquares[source.ordinal()]);
    squares.add(first.weightSquares);
    return squares.value();
  }

  private static WeightSquares[] newWeightSquares() {
    WeightSquares[] squares = new WeightSquares[SOURCES];
    for (int i = 0; i < SOURCES; i++) {
      squares[i] = new WeightSquares();
    }
    return squares;
  }

  /** The call tree with the settled first samples in, as {@link FirstCounts} adds them to sites. */
  private StackNode stacks(AllocationSource source, FirstSamples.Settlement settlement) {
    if (callTree == null || source == null) {
      return null;
    }
    Map<CallTree.Node, long[]> first = new HashMap<>();
    if (source == AllocationSource.OBJECT_ALLOCATION_SAMPLE) {
      for (FirstSamples.Settled s : settlement.samples()) {
        if (s.sample().stack() != null) {
          long[] node = first.computeIfAbsent(callTree.same(s.sample().stack()), k -> new long[2]);
          node[0] += s.weight();
          node[1]++;
        }
      }
    }
    return callTree.snapshot(source, first);
  }

  /** The settled first samples' bytes (and, per site, samples), to add to what was counted as it arrived. */
  private static final class FirstCounts {
    static final long[] NONE = new long[2];

    final Map<SiteKey, long[]> bySite = new HashMap<>();
    final Map<String, Long> byType = new HashMap<>();
    final Map<String, Long> byThread = new HashMap<>();
    final Map<Long, Long> bySecond = new HashMap<>();
    final WeightSquares weightSquares = new WeightSquares();

    FirstCounts(List<FirstSamples.Settled> settled) {
      for (FirstSamples.Settled s : settled) {
        weightSquares.add(s.weight());
        long[] site = bySite.computeIfAbsent(s.sample().site(), k -> new long[2]);
        site[0] += s.weight();
        site[1]++;
        byType.merge(s.sample().type(), s.weight(), Long::sum);
        byThread.merge(s.sample().thread(), s.weight(), Long::sum);
        bySecond.merge(bucket(s.sample().epochNanos()), s.weight(), Long::sum);
      }
    }
  }

  private Map<String, Long> eventCounts() {
    Map<String, Long> counts = new HashMap<>();
    eventCounts.forEach((type, count) -> counts.put(type, count[0]));
    return counts;
  }

  private List<String> allProblems() {
    List<String> all = new ArrayList<>(problems);
    skippedAgentEvents.forEach((event, skipped) -> all.add(String.format(Locale.ROOT,
        "%,d %s event%s skipped, their measurements left out; the first: %s", skipped.count, event,
        skipped.count == 1 ? "" : "s", skipped.firstReason)));
    return all;
  }

  private static final class SkippedEvents {
    final String firstReason;
    long count;

    SkippedEvents(String firstReason) {
      this.firstReason = firstReason;
    }
  }

  private List<ThreadStartSite> threadStartSites() {
    List<ThreadStartSite> result = new ArrayList<>();
    threadStartsByFrame.forEach((frame, starts) ->
        result.add(new ThreadStartSite(frame, threadStartFrames.get(frame), starts[0])));
    result.sort((a, b) -> Long.compare(b.starts(), a.starts()));
    return result;
  }

  private List<LargeAllocationSite> largeAllocationSites() {
    List<LargeAllocationSite> result = new ArrayList<>();
    largeAllocationsByFrame.forEach((frame, stats) ->
        result.add(new LargeAllocationSite(frame, largeAllocationFrames.get(frame), stats[0], stats[1], stats[2])));
    result.sort((a, b) -> Long.compare(b.totalSizeBytes(), a.totalSizeBytes()));
    return result;
  }

  /** The sampled source when there is one: its weights are unbiased; TLAB events are the fallback. */
  private AllocationSource chooseSource() {
    long[] samplesPerSource = new long[SOURCES];
    for (SiteStats stats : sites.values()) {
      for (AllocationSource s : AllocationSource.values()) {
        samplesPerSource[s.ordinal()] += stats.samples(s);
      }
    }
    samplesPerSource[AllocationSource.OBJECT_ALLOCATION_SAMPLE.ordinal()] += firstSamples.held();
    for (AllocationSource s : AllocationSource.values()) {
      if (samplesPerSource[s.ordinal()] > 0) {
        return s;
      }
    }
    return null;
  }

  private static Map<String, Long> pick(Map<String, long[]> totals, AllocationSource source,
      Map<String, Long> firstSamples) {
    Map<String, Long> picked = new HashMap<>();
    if (source != null) {
      totals.forEach((name, bytes) -> picked.put(name, bytes[source.ordinal()]));
      firstSamples.forEach((name, bytes) -> picked.merge(name, bytes, Long::sum));
      picked.values().removeIf(bytes -> bytes <= 0);
    }
    return picked;
  }
}
