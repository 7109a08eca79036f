// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.FindingSite;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.model.AllocationSource;
import io.heapwise.analyzer.report.GcSummary;
import io.heapwise.analyzer.report.SiteSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code gctrace} view as a finding: how hard the collector worked, and which sites made it. It is about the
 * whole recording, so it carries no estimated saving of its own ({@code null}); the site findings it points to do.
 */
public final class GcPressureDetector implements Detector {

  static final Threshold CRITICAL_GC_SHARE = new Threshold("gc-pressure.critical-gc-share", 0.10,
      "Above 10% of wall time in pauses, GC is a first-order cost of the service.");
  static final Threshold WARNING_GC_SHARE = new Threshold("gc-pressure.warning-gc-share", 0.02,
      "Above 2% of wall time in pauses, pauses show in tail latency.");
  static final Threshold WARNING_COLLECTIONS_PER_MINUTE = new Threshold("gc-pressure.warning-collections-per-minute",
      60, "More than one collection a second means allocation outruns the young generation.");
  /** Fewer collections than this give an unstable rate and percentile: the recording was too short. */
  static final int STABLE_COLLECTION_COUNT = 10;
  /** How many sites to name as drivers: the rest are rarely worth a reader's attention in a summary. */
  static final int DRIVING_SITES = 3;
  static final Threshold DRIVING_SITE_MIN_SHARE = new Threshold("gc-pressure.driving-site-min-share", 0.05,
      "A site below 5% of allocation does not drive the collector by itself.");

  private static final double MB = 1024.0 * 1024.0;

  @Override
  public FindingKind kind() {
    return FindingKind.GC_PRESSURE;
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(CRITICAL_GC_SHARE, WARNING_GC_SHARE, WARNING_COLLECTIONS_PER_MINUTE, DRIVING_SITE_MIN_SHARE);
  }

  @Override
  public List<Finding> detect(DetectionInput input) {
    GcSummary gc = input.gc();
    if (gc == null || gc.collections() == 0) {
      return List.of();
    }
    Thresholds limits = input.thresholds();
    double drivingShare = limits.get(DRIVING_SITE_MIN_SHARE);
    List<SiteSummary> drivers = drivers(input.sites(), drivingShare);
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("collections", gc.collections());
    evidence.put("collectionsPerMinute", gc.collectionsPerMinute());
    evidence.put("pauseTotalMs", gc.pauseTotalMs());
    evidence.put("pauseMaxMs", gc.pauseMaxMs());
    evidence.put("pauseP99Ms", gc.pauseP99Ms());
    evidence.put("gcShareOfWallTime", gc.gcShareOfWallTime());
    evidence.put("allocationMBPerSecond", gc.allocationBytesPerSecond() / MB);
    evidence.put("drivingSites", drivers.stream().map(GcPressureDetector::describe).toList());
    AllocationSource source = input.profile().allocationSource();
    evidence.put("measuredBy", "jdk.GarbageCollection (sumOfPauses, longestPause) over the recording's duration;"
        + (source == null ? " no allocation events recorded" : " allocation from " + source.eventNames()));
    return List.of(new Finding(
        Finding.idOf(FindingKind.GC_PRESSURE, FindingSite.RECORDING),
        FindingKind.GC_PRESSURE,
        severity(gc, limits),
        FindingSite.RECORDING,
        null,
        summary(gc),
        evidence,
        recommendation(gc, drivers, drivingShare),
        null,
        gc.collections() >= STABLE_COLLECTION_COUNT ? Confidence.HIGH : Confidence.MEDIUM,
        confidenceNote(gc)));
  }

  private static Severity severity(GcSummary gc, Thresholds limits) {
    if (gc.gcShareOfWallTime() >= limits.get(CRITICAL_GC_SHARE)) {
      return Severity.CRITICAL;
    }
    if (gc.gcShareOfWallTime() >= limits.get(WARNING_GC_SHARE)
        || gc.collectionsPerMinute() >= limits.get(WARNING_COLLECTIONS_PER_MINUTE)) {
      return Severity.WARNING;
    }
    return Severity.INFO;
  }

  private static List<SiteSummary> drivers(List<SiteSummary> sites, double minShare) {
    List<SiteSummary> drivers = new ArrayList<>();
    for (SiteSummary site : sites) {
      if (drivers.size() == DRIVING_SITES || site.share() < minShare) {
        break;
      }
      drivers.add(site);
    }
    return drivers;
  }

  private static String summary(GcSummary gc) {
    return String.format(Locale.ROOT,
        "The collector ran %,d times (%.1f per minute) and paused the application for %.1f%% of wall time"
            + " (p99 pause %.1f ms, max %.1f ms) while it allocated %.1f MB/s.",
        gc.collections(), gc.collectionsPerMinute(), gc.gcShareOfWallTime() * 100, gc.pauseP99Ms(),
        gc.pauseMaxMs(), gc.allocationBytesPerSecond() / MB);
  }

  private static String recommendation(GcSummary gc, List<SiteSummary> drivers, double drivingShare) {
    StringBuilder advice = new StringBuilder();
    if (drivers.isEmpty()) {
      advice.append("No single site drives allocation (none has ").append(percent(drivingShare))
          .append(" of it); look at the allocated types and threads for a common cause.");
    } else {
      advice.append("Young collections come at a rate set by allocation: halve the bytes allocated per second"
          + " and they come half as often. Start with ");
      for (int i = 0; i < drivers.size(); i++) {
        SiteSummary site = drivers.get(i);
        advice.append(i == 0 ? "" : i == drivers.size() - 1 ? " and " : ", ")
            .append(site.location()).append(" (").append(percent(site.share())).append(')');
      }
      advice.append("; each site's own finding says what to change.");
    }
    if (gc.pauseMaxMs() > 2 * gc.pauseP99Ms() && gc.pauseMaxMs() > 0) {
      advice.append(String.format(Locale.ROOT, " The longest pause (%.1f ms) is far above p99: check the GC"
          + " events around it for a full or humongous collection.", gc.pauseMaxMs()));
    }
    return advice.toString();
  }

  private static String confidenceNote(GcSummary gc) {
    String note = "Pause time is stop-the-world time only; the CPU that concurrent collectors (G1 marking, ZGC,"
        + " Shenandoah) take from the application is not in it.";
    if (gc.collections() < STABLE_COLLECTION_COUNT) {
      note += String.format(Locale.ROOT, " Only %d collections were recorded: record longer for a stable rate"
          + " and p99.", gc.collections());
    }
    return note;
  }

  private static String describe(SiteSummary site) {
    return site.allocatedType() + " at " + site.location()
        + (site.mechanism() == null ? "" : " via " + site.mechanism()) + ": " + percent(site.share());
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }
}
