// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hand-made allocation models for detector unit tests: sites with the stacks a recording would give, collections,
 * thread starts and flags, without forking a JVM. Lives in the model's package to fill {@link SizeStats}, which
 * only the model writes. Detector behaviour on real recordings is tested by the {@code *IT} classes.
 */
public final class TestProfiles {

  /** The application class of sites made with {@link #line}. */
  public static final String APP = "com.acme.Service";

  private final List<AllocationSite> sites = new ArrayList<>();
  private final List<GcEvent> collections = new ArrayList<>();
  private final List<HeapSample> heap = new ArrayList<>();
  private final List<ThreadStartSite> threadStarts = new ArrayList<>();
  private final Map<String, String> flags = new HashMap<>();
  private Set<String> enabled = Set.of("jdk.OldObjectSample", "jdk.ThreadStart");
  private long oldObjectSamples;
  private String jdkVersion = "17.0.15+6";
  private double seconds = 10;
  private final Map<InstrumentedSite, MeasuredLifetimes> lifetimes = new HashMap<>();
  private final Map<InstrumentedSite, MeasuredSizes> sizes = new HashMap<>();
  private InstrumentationStats instrumentation;
  private Double effectiveSamples;

  public static TestProfiles profile() {
    return new TestProfiles();
  }

  /** A line of {@link #APP}: an application frame. */
  public static Frame line(String method, int line) {
    return new Frame(APP, method, line, -1, true);
  }

  public TestProfiles jdk(String version) {
    this.jdkVersion = version;
    return this;
  }

  public TestProfiles seconds(double duration) {
    this.seconds = duration;
    return this;
  }

  /** How many even samples the sites' samples are as good as; by default their number (all weigh alike). */
  public TestProfiles effectiveSamples(double effective) {
    this.effectiveSamples = effective;
    return this;
  }

  public TestProfiles flag(String name, String value) {
    flags.put(name, value);
    return this;
  }

  /**
   * A site allocating {@code type}; {@code frames} innermost first as {@code "java.util.ArrayList.grow"} (JDK) or
   * {@code "com.acme.Book.match:61"} (the last one: the application frame, with its line).
   */
  public TestProfiles site(String type, String mechanism, long bytes, long samples, String... frames) {
    return site(type, mechanism, bytes, samples, List.of(), frames);
  }

  /** A site whose events carried exact sizes (TLAB events). */
  public TestProfiles site(String type, String mechanism, long bytes, long samples, List<Long> exactSizes,
      String... frames) {
    List<Frame> stack = new ArrayList<>();
    for (String frame : frames) {
      int colon = frame.lastIndexOf(':');
      String name = colon > 0 ? frame.substring(0, colon) : frame;
      int line = colon > 0 ? Integer.parseInt(frame.substring(colon + 1)) : 100;
      int dot = name.lastIndexOf('.');
      stack.add(new Frame(name.substring(0, dot), name.substring(dot + 1), line, -1, true));
    }
    SizeStats sizes = new SizeStats();
    exactSizes.forEach(sizes::add);
    sites.add(new AllocationSite(new SiteKey(type, stack.get(stack.size() - 1), mechanism), stack, bytes, samples,
        sizes, 0, SiteTimeline.EMPTY));
    return this;
  }

  /** A site allocating directly at {@code frame}, with {@code survivors} old-object samples. */
  public TestProfiles site(String type, Frame frame, String mechanism, long bytes, long survivors) {
    sites.add(new AllocationSite(new SiteKey(type, frame, mechanism), List.of(frame), bytes, bytes / 100_000 + 1,
        new SizeStats(), survivors, SiteTimeline.EMPTY));
    return this;
  }

  /**
   * {@code count} young collections, each after {@code allocatedPerGc} bytes, the heap after GC growing by
   * {@code growthPerGc}.
   */
  public TestProfiles collections(int count, long allocatedPerGc, long growthPerGc) {
    long after = 4_000_000;
    for (int id = 1; id <= count; id++) {
      collections.add(new GcEvent(id, "G1New", "G1 Evacuation Pause", id * 100L, 1, 1));
      heap.add(new HeapSample(id, true, after + allocatedPerGc, 64_000_000));
      after += growthPerGc;
      heap.add(new HeapSample(id, false, after, 64_000_000));
    }
    return this;
  }

  public TestProfiles oldObjectSamples(long total) {
    oldObjectSamples = total;
    return this;
  }

  /** The events the recording's settings enabled; by default old-object samples and thread starts. */
  public TestProfiles enabledEvents(Set<String> events) {
    enabled = events;
    return this;
  }

  public TestProfiles threadStarts(Frame frame, long starts) {
    threadStarts.add(new ThreadStartSite(frame, frame == null ? List.of() : List.of(frame), starts));
    return this;
  }

  /**
   * The agent's lifetimes of the {@code type} objects allocated at {@code frame}: {@code gcHistogram} and
   * {@code ageHistogram} in the contract's text form; died and long-lived counts follow from the GC histogram.
   */
  public TestProfiles lifetimes(Frame frame, String type, long aliveAtEnd, String gcHistogram, String ageHistogram) {
    Histogram gc = Histogram.parse(gcHistogram, MeasuredLifetimes::isGcCycleBucket);
    long longLived = gc.count(MeasuredLifetimes.LONG_LIVED_GC_CYCLES);
    long tracked = gc.total() + aliveAtEnd;
    lifetimes.put(InstrumentedSite.of(frame, type), new MeasuredLifetimes(tracked, 256, -1, tracked * 64,
        gc.total() - longLived, longLived, aliveAtEnd, 0, gc,
        Histogram.parse(ageHistogram, MeasuredLifetimes::isAgeBucket)));
    return this;
  }

  /** The agent's sizes of the {@code collectionType} objects constructed at {@code frame}. */
  public TestProfiles collectionSizes(Frame frame, String collectionType, String sizeHistogram, long max) {
    Histogram histogram = Histogram.parse(sizeHistogram, MeasuredSizes::isSizeBucket);
    long sum = 0;
    for (Map.Entry<Double, Long> bucket : histogram.counts().entrySet()) {
      sum += (long) (bucket.getKey() * bucket.getValue());
    }
    sizes.put(InstrumentedSite.of(frame, collectionType), new MeasuredSizes(histogram.total(), histogram, max, sum));
    return this;
  }

  public TestProfiles instrumentation(InstrumentationStats stats) {
    instrumentation = stats;
    return this;
  }

  /** Squared weights that give {@link #effectiveSamples}; 0, which stands for even weights, when it is unset. */
  private double weightSquares(List<AllocationSite> sorted) {
    double total = sorted.stream().mapToLong(AllocationSite::bytes).sum();
    return effectiveSamples == null ? 0 : total * total / effectiveSamples;
  }

  public AllocationProfile build() {
    List<AllocationSite> sorted = new ArrayList<>(sites);
    sorted.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
    Map<String, Long> byType = new HashMap<>();
    sorted.forEach(s -> byType.merge(s.key().allocatedType(), s.bytes(), Long::sum));
    return new AllocationProfile(List.of("test.jfr"), jdkVersion, null, List.of(), seconds, 1000,
        sites.isEmpty() ? null : AllocationSource.OBJECT_ALLOCATION_SAMPLE, sorted,
        weightSquares(sorted), byType, Map.of("main", 1L),
        Map.of(), List.of(), collections, heap, List.of("G1New"), threadStarts, 12,
        new VmSettings(flags, true, 8), oldObjectSamples, List.of(), enabled, Map.of(), lifetimes, sizes,
        instrumentation, List.of(), FirstSampleCorrection.NONE, Map.of(), JitActivity.NONE, Map.of(), null);
  }
}
