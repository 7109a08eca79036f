// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hand-made profiles for detector unit tests: sites with the stacks a recording would give, without forking a
 * JVM. Lives in the model's package to fill {@link SizeStats}, which only the model writes.
 */
public final class TestProfiles {

  private final List<AllocationSite> sites = new ArrayList<>();
  private String jdkVersion = "17.0.15";
  private double seconds = 10;

  public static TestProfiles profile() {
    return new TestProfiles();
  }

  public TestProfiles jdk(String version) {
    this.jdkVersion = version;
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
        sizes, 0));
    return this;
  }

  public AllocationProfile build() {
    List<AllocationSite> sorted = new ArrayList<>(sites);
    sorted.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
    return new AllocationProfile(List.of("test.jfr"), jdkVersion, null, List.of(), seconds, 1000,
        sites.isEmpty() ? null : AllocationSource.OBJECT_ALLOCATION_SAMPLE, sorted, Map.of(), Map.of(), Map.of(),
        List.of(), List.of(), List.of(), List.of(), 0, List.of(), -1,
        new VmSettings(Map.of(), true, 8), 0, List.of(), Set.of(), Map.of(), List.of());
  }
}
