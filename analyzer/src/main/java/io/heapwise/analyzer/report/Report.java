// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.heapwise.analyzer.finding.Finding;
import java.util.List;

/**
 * What Heapwise concluded from one or more recordings. Its JSON form is a public contract
 * ({@value #SCHEMA}): fields may be added, never renamed.
 */
@JsonPropertyOrder({"schema", "recording", "gc", "sites", "findings"})
public record Report(
    String schema,
    RecordingInfo recording,
    GcSummary gc,
    List<SiteSummary> sites,
    List<Finding> findings) {

  public static final String SCHEMA = "heapwise-report/1";

  public Report {
    sites = List.copyOf(sites);
    findings = List.copyOf(findings);
  }
}
