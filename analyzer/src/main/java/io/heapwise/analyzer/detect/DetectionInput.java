// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.ClassFiles;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.AllocationSite;
import io.heapwise.analyzer.report.GcSummary;
import io.heapwise.analyzer.report.SiteSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every detector reads: the model, the condensed numbers the report shows (so that a finding's evidence and
 * the report's tables never disagree), the thresholds in force and the application's class files.
 *
 * @param sites every site, largest first, with shares of all allocation; index {@code i} describes
 *     {@code profile.sites().get(i)}
 * @param classFiles the application's classes from {@code --classpath}; {@link ClassFiles#NONE} without one
 * @param undecided where a detector says what it could not check and why (e.g. "no class files: pass
 *     --classpath"), for the report
 */
public record DetectionInput(AllocationProfile profile, GcSummary gc, List<SiteSummary> sites,
    Thresholds thresholds, ClassFiles classFiles, Consumer<String> undecided) {

  /** Below this share of all allocation a site is cold: no finding, however bad its code looks. */
  public static final Threshold MIN_SITE_SHARE = new Threshold("detect.min-site-share", 0.02,
      "Sites under 2% of allocation cannot move GC frequency noticeably; advice there is noise.");

  public DetectionInput {
    sites = List.copyOf(sites);
  }

  /** The sites worth advice: at or above {@link #MIN_SITE_SHARE}, largest first, with their summaries. */
  public List<HotSite> hotSites() {
    double minShare = thresholds.get(MIN_SITE_SHARE);
    List<HotSite> hot = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      if (sites.get(i).share() >= minShare) {
        hot.add(new HotSite(profile.sites().get(i), sites.get(i)));
      }
    }
    return hot;
  }

  /** All allocation in bytes per second, the denominator of every estimated saving. */
  public double allocationBytesPerSecond() {
    return gc.allocationBytesPerSecond();
  }

  /** A site of the model with its reported numbers. */
  public record HotSite(AllocationSite site, SiteSummary summary) {
  }

  /** For tests and callers that need no class files and collect nothing undecided. */
  public static Consumer<String> ignoreUndecided() {
    return line -> { };
  }
}
