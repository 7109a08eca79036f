// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import io.heapwise.analyzer.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A report in a few plain lines, for places with no room for the whole: a service's own log (the agent's
 * {@code report=} option) and the live view when its output is not a terminal. Allocation and GC first, then
 * the top sites, then one line per finding, worst first.
 */
public final class ReportDigest {

  private ReportDigest() {
  }

  /**
   * @param topSites how many sites to name
   * @param maxFindings how many findings to name; the rest are counted
   */
  public static List<String> lines(Report report, int topSites, int maxFindings) {
    List<String> lines = new ArrayList<>();
    lines.add(overview(report));
    List<SiteSummary> sites = report.sites();
    for (int i = 0; i < Math.min(topSites, sites.size()); i++) {
      SiteSummary site = sites.get(i);
      lines.add(String.format(Locale.ROOT, "  site %d: %s MB/s (%s) %s at %s", i + 1,
          Units.mbPerSecond(site.bytesPerSecond()), Units.percent(site.share()), site.allocatedType(),
          site.location()));
    }
    List<Finding> findings = report.findings();
    for (int i = 0; i < Math.min(maxFindings, findings.size()); i++) {
      lines.add("  " + finding(findings.get(i)));
    }
    if (findings.size() > maxFindings) {
      lines.add(String.format(Locale.ROOT, "  and %d more finding%s", findings.size() - maxFindings,
          findings.size() - maxFindings == 1 ? "" : "s"));
    }
    return lines;
  }

  /** {@code 30.0 s: 412.3 MB/s allocated; 12 GCs, 0.8% of wall time, max pause 4.1 ms; 2 findings}. */
  static String overview(Report report) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.1f s: ",
        report.recording().durationSeconds()));
    GcSummary gc = report.gc();
    if (gc == null) {
      line.append("no GC events");
    } else {
      line.append(Units.mbPerSecond(gc.allocationBytesPerSecond())).append(" MB/s allocated; ")
          .append(Units.count(gc.collections())).append(gc.collections() == 1 ? " GC, " : " GCs, ")
          .append(Units.percent(gc.gcShareOfWallTime())).append(" of wall time, max pause ")
          .append(Units.ms(gc.pauseMaxMs()));
    }
    int findings = report.findings().size();
    line.append("; ").append(findings == 0 ? "no findings" : findings + (findings == 1 ? " finding" : " findings"));
    return line.toString();
  }

  /** {@code CRITICAL UNSIZED_COLLECTION:com.acme.Book.match:61 saves 379.0 MB/s: The ArrayList grown at ...}. */
  static String finding(Finding finding) {
    return finding.severity() + " " + withoutSeverity(finding);
  }

  /** A finding's id, saving and summary on one line. */
  public static String withoutSeverity(Finding finding) {
    String saving = finding.estimatedSaving() == null ? ""
        : " saves " + Units.mbPerSecond(finding.estimatedSaving().bytesPerSecond()) + " MB/s";
    return finding.id() + saving + (finding.summary() == null ? "" : ": " + finding.summary());
  }
}
