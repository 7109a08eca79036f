// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.EstimatedSaving;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.FindingSite;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.GcEvent;
import io.heapwise.analyzer.report.SiteSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hot sites allocating arrays too large for the fast path: outside the TLAB, and under G1 humongous (at least half a
 * region), each taking whole contiguous regions outside the young generation and often forcing a collection.
 */
public final class LargeArrayDetector implements Detector {

  static final Threshold MIN_ARRAY_BYTES = new Threshold("large-array.min-array-bytes", 1024 * 1024,
      "From 1 MiB an array outgrows any usual TLAB: it is allocated on the slow path and zeroed in full.");
  static final Threshold MIN_ALLOCATIONS = new Threshold("large-array.min-allocations", 10,
      "Arrays allocated a few times (at startup, on reload) cost nothing per request; only repeated ones matter.");
  static final String HUMONGOUS_CAUSE = "G1 Humongous Allocation";

  @Override
  public FindingKind kind() {
    return FindingKind.LARGE_ARRAY;
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_ARRAY_BYTES, MIN_ALLOCATIONS);
  }

  @Override
  public List<Finding> detect(DetectionInput input) {
    AllocationProfile profile = input.profile();
    long region = ArraySizes.g1RegionBytes(profile);
    if (ArraySizes.usesG1(profile) && region <= 0) {
      input.undecided().accept("LARGE_ARRAY: the recording runs G1 but lists no G1HeapRegionSize flag: which arrays"
          + " are humongous cannot be decided; record with the jdk.*Flag events enabled");
    }
    long humongousGcs = profile.collections().stream().filter(LargeArrayDetector::humongousCause).count();
    List<Finding> findings = new ArrayList<>();
    List<String> unsized = new ArrayList<>();
    for (DetectionInput.HotSite hot : input.hotSites()) {
      SiteSummary summary = hot.summary();
      if (!summary.allocatedType().endsWith("[]") || summary.method() == null) {
        continue;
      }
      ArraySizes.ArraySize size = ArraySizes.at(input, hot.site());
      if (size == null) {
        // Arrays a JDK method allocates (String.format's, say) are worth naming only when humongous collections
        // say some hot array is large; the application's own always are, since --classpath would size them.
        if (summary.mechanism() == null || humongousGcs > 0) {
          unsized.add(summary.allocatedType() + " at " + summary.location());
        }
        continue;
      }
      double allocations = (double) summary.bytes() / size.bytes();
      boolean humongous = region > 0 && ArraySizes.isHumongous(size.bytes(), region);
      if (allocations < input.thresholds().get(MIN_ALLOCATIONS)
          || !humongous && size.bytes() < input.thresholds().get(MIN_ARRAY_BYTES)) {
        continue;
      }
      findings.add(finding(input, hot, size, allocations, humongous ? region : -1, humongousGcs));
    }
    if (!unsized.isEmpty() && (humongousGcs > 0 || input.classFiles().isEmpty())) {
      input.undecided().accept("LARGE_ARRAY: the array sizes at " + String.join("; ", unsized) + " are unknown"
          + (humongousGcs > 0 ? " although " + humongousGcs + " collections were caused by " + HUMONGOUS_CAUSE : "")
          + ": pass --classpath to read constant lengths, or record jdk.ObjectAllocationOutsideTLAB or"
          + " jdk.AllocationRequiringGC");
    }
    return findings;
  }

  private static Finding finding(DetectionInput input, DetectionInput.HotSite hot, ArraySizes.ArraySize size,
      double allocations, long humongousRegion, long humongousGcs) {
    SiteSummary summary = hot.summary();
    AllocationProfile profile = input.profile();
    FindingSite site = new FindingSite(summary.className(), summary.method(), summary.line(),
        summary.allocatedType());
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("arrayBytes", size.bytes());
    evidence.put("sizeFrom", size.source());
    evidence.put("collectors", profile.collectors());
    evidence.put("g1RegionBytes", profile.vmSettings().g1RegionBytes());
    evidence.put("humongous", humongousRegion > 0);
    if (humongousRegion > 0) {
      evidence.put("regionsPerArray", (size.bytes() + humongousRegion - 1) / humongousRegion);
    }
    evidence.put("allocationsEstimated", Math.round(allocations));
    evidence.put("allocationsPerSecond", summary.bytesPerSecond() / size.bytes());
    evidence.put("bytesPerSecond", summary.bytesPerSecond());
    evidence.put("allocationShare", summary.share());
    evidence.put("humongousAllocationGcs", humongousGcs);
    evidence.put("collections", profile.collections().size());
    evidence.put("survivorSamples", hot.site().survivorSamples());
    evidence.put("measuredBy", "site bytes from " + profile.allocationSource().eventNames() + "; array size from "
        + size.source() + "; region size from the G1HeapRegionSize flag; GC causes from jdk.GarbageCollection");
    double saving = summary.bytesPerSecond();
    String summaryLine = String.format(Locale.ROOT, "%s allocates %s of %s about %.1f times a second (%.0f%% of all"
        + " allocation)%s.", summary.location(), summary.allocatedType(), mib(size.bytes()),
        summary.bytesPerSecond() / size.bytes(), summary.share() * 100,
        humongousRegion > 0 ? ", each a G1 humongous object (region " + mib(humongousRegion) + ")"
            : ", each outside the TLAB");
    return new Finding(
        Finding.idOf(FindingKind.LARGE_ARRAY, site),
        FindingKind.LARGE_ARRAY,
        humongousRegion > 0 ? Severity.WARNING : Severity.INFO,
        site,
        summary.allocatedType(),
        summaryLine,
        evidence,
        LargeArrayAdvice.recommendation(summary, size.bytes(), humongousRegion, humongousGcs,
            profile.collections().size(), profile.vmSettings().longFlag("MaxHeapSize", -1)),
        new EstimatedSaving(saving, input.allocationBytesPerSecond() > 0 ? saving / input.allocationBytesPerSecond()
            : 0),
        size.measured() ? Confidence.HIGH : Confidence.MEDIUM,
        (size.measured() ? "The size was measured by JFR." : "The size is the constant length at the line; another,"
            + " smaller array allocated on the same line would share the site's bytes.")
            + " The saving assumes one reused array can serve every call (true when each call overwrites it"
            + " before reading, and calls do not overlap or get their own per-thread copy).");
  }

  static String mib(long bytes) {
    return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024))
        : String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
  }

  static boolean humongousCause(GcEvent gc) {
    return HUMONGOUS_CAUSE.equals(gc.cause());
  }
}
