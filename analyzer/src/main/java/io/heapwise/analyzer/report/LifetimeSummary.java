// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.heapwise.analyzer.model.Histogram;
import io.heapwise.analyzer.model.MeasuredLifetimes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a site's objects lived, as the Heapwise agent measured them on sampled objects
 * ({@code heapwise.SiteLifetimes}). Shares are of the tracked objects.
 *
 * @param exactAllocations every allocation at the site, counted; {@code null} unless the agent ran with
 *     {@code count=exact}
 * @param tracked sampled objects whose life was followed: died + longLived + aliveAtEnd
 * @param medianAgeMillis of the objects that died; ages are upper bounds at GC resolution; {@code -1} if none died
 * @param gcCycles tracked objects by GC cycles survived, every bucket in order, keyed by its lower bound
 *     ({@code "0"} died before the first GC, {@code "4"} 4-7, {@code "8"} 8-15, {@code "16"} 16 or more)
 * @param ageMillis dead objects by age, non-empty buckets in order, keyed by their upper bound in ms
 *     ({@code "0.1"} ... {@code "60000"}, {@code "inf"})
 */
@JsonPropertyOrder({"samples", "sampleInterval", "exactAllocations", "tracked", "died", "longLived", "aliveAtEnd",
    "dropped", "diedBeforeFirstGcShare", "diedWithinOneGcShare", "longLivedShare", "aliveAtEndShare",
    "medianAgeMillis", "p90AgeMillis", "gcCycles", "ageMillis"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifetimeSummary(
    long samples,
    long sampleInterval,
    Long exactAllocations,
    long tracked,
    long died,
    long longLived,
    long aliveAtEnd,
    long dropped,
    double diedBeforeFirstGcShare,
    double diedWithinOneGcShare,
    double longLivedShare,
    double aliveAtEndShare,
    double medianAgeMillis,
    double p90AgeMillis,
    Map<String, Long> gcCycles,
    Map<String, Long> ageMillis) {

  public LifetimeSummary {
    gcCycles = gcCycles == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(gcCycles));
    ageMillis = ageMillis == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ageMillis));
  }

  public static LifetimeSummary of(MeasuredLifetimes measured) {
    Map<String, Long> gcCycles = new LinkedHashMap<>();
    for (double bucket : MeasuredLifetimes.GC_CYCLE_BUCKETS) {
      gcCycles.put(Histogram.label(bucket), measured.gcCycles().count(bucket));
    }
    return new LifetimeSummary(measured.samples(), measured.sampleInterval(),
        measured.exactAllocations() >= 0 ? measured.exactAllocations() : null, measured.tracked(), measured.died(),
        measured.longLived(), measured.aliveAtEnd(), measured.dropped(), round(measured.diedBeforeFirstGcShare()),
        round(measured.diedWithinOneGcShare()), round(measured.longLivedShare()), round(measured.aliveAtEndShare()),
        round(measured.medianAgeMillis()), round(measured.p90AgeMillis()), gcCycles, labelled(measured.ageMillis()));
  }

  static Map<String, Long> labelled(Histogram histogram) {
    Map<String, Long> labelled = new LinkedHashMap<>();
    histogram.counts().forEach((bound, count) -> labelled.put(Histogram.label(bound), count));
    return labelled;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
