// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.ObjectModel;

import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.AllocationSite;
import io.heapwise.analyzer.model.Frame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collections made at default capacity on a hot path and then grown: every growth allocates a larger backing
 * array and copies the old one into it, which is garbage at once. The recording shows the growth (allocations
 * under {@code ArrayList.grow}, {@code HashMap.resize}, ...) at the line that adds; the fix is at the line that
 * constructs, which the bytecode names ({@link CollectionConstructor}). {@link GrowthEstimate} sizes the fix.
 */
public final class UnsizedCollectionDetector implements Detector {

  /** The JDK frames that allocate a collection's larger backing array (as {@code SiteKey.mechanism} names them). */
  static final Set<String> GROWTH_MECHANISMS = Set.of(
      "ArrayList.grow", "Vector.grow", "ArrayDeque.grow", "PriorityQueue.grow", "HashMap.resize",
      "IdentityHashMap.resize", "AbstractStringBuilder.ensureCapacityInternal",
      "AbstractStringBuilder.ensureCapacitySameCoder", "AbstractStringBuilder.newCapacity",
      "ByteArrayOutputStream.ensureCapacity", "ByteArrayOutputStream.grow");

  static final Threshold MIN_GROWTH_SHARE = new Threshold("unsized-collection.min-growth-share", 0.02,
      "Growth under 2% of allocation at one line cannot move GC frequency noticeably.");
  static final Threshold MIN_INSTANCE_SAMPLES = new Threshold("unsized-collection.min-instance-samples", 50,
      "Small collection objects are rarely sampled, and where TLAB boundaries fall biases which ones: with fewer"
          + " samples their rate was off by 10x or more (15x at 10 samples), so no capacity is estimated from it.");
  static final Threshold WARNING_GROWTH_SHARE = new Threshold("unsized-collection.warning-growth-share", 0.10,
      "At 10% of allocation, one line's growth copies set a tenth of the young-collection rate.");
  static final Threshold MIN_MEASURED_COLLECTIONS = new Threshold("unsized-collection.min-measured-collections", 20,
      "A capacity from fewer than 20 measured collections rests on a few extremes: exact or estimated sizes decide.");
  static final Threshold CAPACITY_QUANTILE = new Threshold("unsized-collection.capacity-quantile", 0.9,
      "Sized for 9 in 10 measured collections: the largest tenth grows once more, the rest carry no larger array.");
  static final Threshold CRITICAL_GROWTH_SHARE = new Threshold("unsized-collection.critical-growth-share", 0.30,
      "At 30% of allocation, presizing one collection removes a large part of all GC work.");

  @Override
  public FindingKind kind() {
    return FindingKind.UNSIZED_COLLECTION;
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_GROWTH_SHARE, MIN_INSTANCE_SAMPLES, MIN_MEASURED_COLLECTIONS, CAPACITY_QUANTILE,
        WARNING_GROWTH_SHARE, CRITICAL_GROWTH_SHARE);
  }

  @Override
  public List<Finding> detect(DetectionInput input) {
    AllocationProfile profile = input.profile();
    if (profile.allocationSource() == null || profile.totalBytes() == 0 || profile.durationSeconds() <= 0) {
      input.undecided().accept("UNSIZED_COLLECTION: the recording has no allocation events"
          + " (jdk.ObjectAllocationSample or TLAB events): collection growth could not be measured");
      return List.of();
    }
    double minShare = Math.max(input.thresholds().get(DetectionInput.MIN_SITE_SHARE),
        input.thresholds().get(MIN_GROWTH_SHARE));
    ObjectModel sizing = ObjectModel.of(profile.vmSettings());
    List<Finding> findings = new ArrayList<>();
    for (Growth growth : growthByLine(profile).values()) {
      double share = (double) growth.bytes / profile.totalBytes();
      if (share < minShare) {
        continue; // cold: however default its capacity, it does not matter
      }
      CollectionType fromFrames = growth.dominantType();
      CollectionConstructor constructor = CollectionConstructor.find(input.classFiles(),
          growth.line.className(), growth.line.method(), fromFrames);
      if (constructor.status() == CollectionConstructor.Status.SIZED) {
        continue; // the bytecode shows a capacity (or a source collection) is passed: not a default-capacity case
      }
      MeasuredConstruction measured = MeasuredConstruction.find(profile, growth.line, constructor);
      if (measured != null && constructor.line() < 0) {
        constructor = CollectionConstructor.measuredByAgent(measured);
      }
      if (constructor.status() == CollectionConstructor.Status.NO_CLASS_FILES) {
        input.undecided().accept("UNSIZED_COLLECTION: no class files for " + growth.line.className()
            + ": the constructor line of the " + fromFrames.simpleName() + " grown at "
            + growth.line.sourceFileGuess() + ":" + growth.line.line()
            + ", and whether it is really made at default capacity, could not be checked: pass --classpath");
      }
      GrowthEstimate estimate = GrowthEstimate.of(profile, growth.line, growth.sitesByType.get(fromFrames),
          growth.bytesByType.get(fromFrames), constructor, measured, sizing, input.thresholds());
      findings.add(new UnsizedCollectionFinding(growth, share, lineBytes(profile, growth.line), constructor,
          estimate, profile, sizing)
          .toFinding(severity(share, input.thresholds())));
    }
    return findings;
  }

  /** Growth allocations grouped by the application line that triggered them, across allocated types. */
  static Map<Frame, Growth> growthByLine(AllocationProfile profile) {
    Map<Frame, Growth> byLine = new LinkedHashMap<>();
    for (AllocationSite site : profile.sites()) {
      Frame line = site.key().appFrame();
      String mechanism = site.key().mechanism();
      if (line == null || mechanism == null || !GROWTH_MECHANISMS.contains(mechanism)) {
        continue;
      }
      Optional<CollectionType> type = grownType(site);
      if (type.isPresent()) {
        byLine.computeIfAbsent(line, Growth::new).add(site, type.get());
      }
    }
    return byLine;
  }

  /**
   * The collection whose growth this is: the outermost collection frame of the unbroken chain of JDK collection
   * frames above the growth frame ({@code HashMap.resize <- HashMap.put <- HashSet.add} is a {@code HashSet}).
   * The chain stops at the first other frame, so a {@code HashMap} grown inside {@code Collectors.groupingBy}
   * over an {@code ArrayList} is not taken for the list. When that other frame is a JDK method other than a
   * stream collector (the list {@code String.split} fills, say), the collection is the JDK's own: empty.
   */
  static Optional<CollectionType> grownType(AllocationSite site) {
    List<Frame> frames = site.frames();
    String mechanism = site.key().mechanism();
    int growthFrame = -1;
    for (int i = 0; i < frames.size(); i++) {
      if (frames.get(i).shortName().equals(mechanism)) {
        growthFrame = i;
        break;
      }
    }
    if (growthFrame < 0) {
      return Optional.empty();
    }
    Optional<CollectionType> type = CollectionType.ofFrameClass(frames.get(growthFrame).className());
    for (int i = growthFrame + 1; i < frames.size() - 1; i++) {
      String frameClass = frames.get(i).className();
      Optional<CollectionType> outer = CollectionType.ofFrameClass(frameClass);
      if (outer.isPresent()) {
        type = outer;
      } else if (!CollectionType.isTransparentFrame(frameClass)) {
        return isJdkInternalCollection(frameClass) ? Optional.empty() : type;
      }
    }
    return type;
  }

  /** Growth of a collection the application made, which is this detector's to advise on (not HOT_SHORT_LIVED's). */
  static boolean isApplicationCollectionGrowth(AllocationSite site) {
    String mechanism = site.key().mechanism();
    return mechanism != null && GROWTH_MECHANISMS.contains(mechanism) && grownType(site).isPresent();
  }

  /**
   * A collection filled inside a JDK method ({@code String.split}'s list, {@code Formatter.parse}'s) is an
   * implementation detail the caller cannot size. Streams are the exception: {@code Collectors.toCollection},
   * {@code groupingBy} and {@code toMap} take a collection factory, so there the advice still applies.
   */
  private static boolean isJdkInternalCollection(String className) {
    boolean jdk = className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
        || className.startsWith("javax.") || className.startsWith("com.sun.");
    return jdk && !className.startsWith("java.util.stream.");
  }

  /** Everything allocated at the line, whatever the type or mechanism: the denominator of the growth share. */
  private static long lineBytes(AllocationProfile profile, Frame line) {
    long bytes = 0;
    for (AllocationSite site : profile.sites()) {
      if (line.equals(site.key().appFrame())) {
        bytes += site.bytes();
      }
    }
    return bytes;
  }

  private static Severity severity(double share, Thresholds limits) {
    if (share >= limits.get(CRITICAL_GROWTH_SHARE)) {
      return Severity.CRITICAL;
    }
    return share >= limits.get(WARNING_GROWTH_SHARE) ? Severity.WARNING : Severity.INFO;
  }

  /** The growth at one application line. */
  static final class Growth {
    final Frame line;
    final Map<CollectionType, List<AllocationSite>> sitesByType = new HashMap<>();
    final Map<CollectionType, Long> bytesByType = new HashMap<>();
    long bytes;
    long samples;

    Growth(Frame line) {
      this.line = line;
    }

    void add(AllocationSite site, CollectionType type) {
      sitesByType.computeIfAbsent(type, t -> new ArrayList<>()).add(site);
      bytesByType.merge(type, site.bytes(), Long::sum);
      bytes += site.bytes();
      samples += site.samples();
    }

    /** A line that grows two collections is advised about the one that grows more. */
    CollectionType dominantType() {
      return bytesByType.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
  }
}
