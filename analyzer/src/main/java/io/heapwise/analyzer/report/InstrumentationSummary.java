// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.heapwise.analyzer.model.InstrumentationStats;
import java.util.List;

/**
 * How the Heapwise agent's bytecode instrumentation ran ({@code heapwise.Instrumentation}, its latest period),
 * and how many sites it measured.
 *
 * @param sampleInterval about one allocation in this many was sampled per thread; 1 means every one
 * @param exactCounts every allocation was also counted
 * @param classesSkipped classes the agent could not rewrite and left unchanged
 * @param sites allocation instructions rewritten
 * @param droppedTotal samples not tracked because {@code maxTracked} objects were in flight
 * @param measuredLifetimeSites sites with {@code heapwise.SiteLifetimes} in the analyzed recordings
 * @param measuredCollectionSites constructor sites with {@code heapwise.CollectionSizes}
 */
@JsonPropertyOrder({"include", "sampleInterval", "exactCounts", "maxTracked", "classesInstrumented",
    "classesSkipped", "sites", "inFlight", "droppedTotal", "measuredLifetimeSites", "measuredCollectionSites"})
public record InstrumentationSummary(List<String> include, long sampleInterval, boolean exactCounts,
    long maxTracked, long classesInstrumented, long classesSkipped, long sites, long inFlight, long droppedTotal,
    long measuredLifetimeSites, long measuredCollectionSites) {

  public InstrumentationSummary {
    include = include == null ? List.of() : List.copyOf(include);
  }

  public static InstrumentationSummary of(InstrumentationStats stats, long lifetimeSites, long collectionSites) {
    return new InstrumentationSummary(stats.include(), stats.sampleInterval(), stats.exactCounts(),
        stats.maxTracked(), stats.classesInstrumented(), stats.classesSkipped(), stats.sites(), stats.inFlight(),
        stats.droppedTotal(), lifetimeSites, collectionSites);
  }
}
