// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.report.GcSummary;
import io.heapwise.analyzer.report.SiteSummary;
import java.util.List;

/**
 * What every detector reads: the model, and the condensed numbers the report shows, so that a finding's evidence
 * and the report's tables never disagree.
 *
 * @param sites every site, largest first, with shares of all allocation
 */
public record DetectionInput(AllocationProfile profile, GcSummary gc, List<SiteSummary> sites) {

  public DetectionInput {
    sites = List.copyOf(sites);
  }
}
