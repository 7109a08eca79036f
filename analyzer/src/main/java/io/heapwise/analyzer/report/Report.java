// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.model.StackNode;
import java.util.List;

/**
 * What Heapwise concluded from one or more recordings. Its JSON form is a public contract
 * ({@value #SCHEMA}): fields may be added, never renamed.
 *
 * @param sites the top allocation sites, largest first
 * @param types the top allocated types over all sites, largest first
 * @param threads the top allocating threads, largest first
 * @param allocationTimeline the allocation rate second by second, in time order
 * @param findings ranked, the most worth acting on first
 * @param undecided what the detectors could not check and why, e.g. "no class files: pass --classpath"
 * @param stacks the allocation call tree, for flame graphs and profile exports; absent unless asked for
 *     ({@code AnalysisOptions.withGraphs})
 * @param collections every collection in time order (the longest pauses when there are very many), for
 *     timelines; absent unless asked for, like {@code stacks}
 */
@JsonPropertyOrder({"schema", "recording", "gc", "sites", "types", "threads", "allocationTimeline", "findings",
    "undecided", "stacks", "collections"})
public record Report(
    String schema,
    RecordingInfo recording,
    GcSummary gc,
    List<SiteSummary> sites,
    List<TypeTotal> types,
    List<ThreadTotal> threads,
    List<RatePoint> allocationTimeline,
    List<Finding> findings,
    List<String> undecided,
    @JsonInclude(JsonInclude.Include.NON_NULL) StackNode stacks,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<GcPause> collections) {

  public static final String SCHEMA = "heapwise-report/1";

  public Report {
    sites = copy(sites);
    types = copy(types);
    threads = copy(threads);
    allocationTimeline = copy(allocationTimeline);
    findings = copy(findings);
    undecided = copy(undecided);
    collections = copy(collections);
  }

  /** Reports written before a list field existed read back with an empty list, not {@code null}. */
  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
