// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.AllocationSite;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.model.GcEvent;
import io.heapwise.analyzer.model.HeapSample;
import io.heapwise.analyzer.model.SiteKey;
import io.heapwise.analyzer.model.SizeStats;
import io.heapwise.analyzer.model.ThreadStartSite;
import io.heapwise.analyzer.model.VmSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds small allocation models by hand, for detector logic that needs no recording. */
final class SyntheticProfile {

  static final String APP = "com.acme.Service";

  private final List<AllocationSite> sites = new ArrayList<>();
  private final List<GcEvent> collections = new ArrayList<>();
  private final List<HeapSample> heap = new ArrayList<>();
  private final List<ThreadStartSite> threadStarts = new ArrayList<>();
  private final Map<String, String> flags = new HashMap<>();
  private Set<String> enabled = Set.of("jdk.OldObjectSample", "jdk.ThreadStart");
  private long oldObjectSamples;
  private long threadsStarted;
  private String jdk = "17.0.15+6";
  private double seconds = 10;

  static Frame line(String method, int line) {
    return new Frame(APP, method, line, -1, true);
  }

  SyntheticProfile site(String type, Frame frame, String mechanism, long bytes, long survivors) {
    sites.add(new AllocationSite(new SiteKey(type, frame, mechanism), List.of(frame), bytes, bytes / 100_000 + 1,
        new SizeStats(), survivors));
    return this;
  }

  /** {@code count} young collections, each after {@code allocatedPerGc} bytes, the heap after GC growing by
   *  {@code growthPerGc}. */
  SyntheticProfile collections(int count, long allocatedPerGc, long growthPerGc) {
    long after = 4_000_000;
    for (int id = 1; id <= count; id++) {
      collections.add(new GcEvent(id, "G1New", "G1 Evacuation Pause", id * 100L, 1, 1));
      heap.add(new HeapSample(id, true, after + allocatedPerGc, 64_000_000));
      after += growthPerGc;
      heap.add(new HeapSample(id, false, after, 64_000_000));
    }
    return this;
  }

  SyntheticProfile oldObjectSamples(long total) {
    oldObjectSamples = total;
    return this;
  }

  SyntheticProfile enabledEvents(Set<String> events) {
    enabled = events;
    return this;
  }

  SyntheticProfile threadStarts(Frame frame, long starts) {
    threadStarts.add(new ThreadStartSite(frame, frame == null ? List.of() : List.of(frame), starts));
    threadsStarted += starts;
    return this;
  }

  SyntheticProfile jdk(String version) {
    jdk = version;
    return this;
  }

  SyntheticProfile flag(String name, String value) {
    flags.put(name, value);
    return this;
  }

  SyntheticProfile seconds(double duration) {
    seconds = duration;
    return this;
  }

  AllocationProfile build() {
    List<AllocationSite> sorted = new ArrayList<>(sites);
    sorted.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
    Map<String, Long> byType = new HashMap<>();
    sorted.forEach(s -> byType.merge(s.key().allocatedType(), s.bytes(), Long::sum));
    return new AllocationProfile(List.of("synthetic.jfr"), jdk, null, List.of(), seconds, 1000,
        io.heapwise.analyzer.model.AllocationSource.OBJECT_ALLOCATION_SAMPLE, sorted, byType, Map.of("main", 1L),
        Map.of(), List.of(), collections, heap, List.of("G1New"), threadsStarted, threadStarts, 12,
        new VmSettings(flags, true, 8), oldObjectSamples, List.of(), enabled, Map.of(), List.of());
  }
}
