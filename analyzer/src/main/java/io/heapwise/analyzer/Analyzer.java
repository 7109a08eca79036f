// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer;

import io.heapwise.analyzer.detect.DetectionInput;
import io.heapwise.analyzer.detect.Detectors;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.ProfileBuilder;
import io.heapwise.analyzer.read.JfrLoader;
import io.heapwise.analyzer.report.GcSummary;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.SiteSummary;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads recordings, builds the allocation model, runs the detectors and returns the report. */
public final class Analyzer {

  private final Detectors detectors;

  public Analyzer() {
    this(Detectors.all());
  }

  public Analyzer(Detectors detectors) {
    this.detectors = detectors;
  }

  /**
   * Analyzes the recordings together, as one profile.
   *
   * @throws UnreadableRecordingException when a file yields nothing at all (missing, empty, not JFR, truncated
   *     before its first readable chunk); damaged files that yield some events are analyzed and their problems
   *     are listed in {@code report.recording().problems()}
   */
  public Report analyze(List<Path> recordings, AnalysisOptions options) throws UnreadableRecordingException {
    return report(profile(recordings, options), options);
  }

  /** The allocation model of the recordings together, before any detector ran; see {@link #analyze}. */
  public AllocationProfile profile(List<Path> recordings, AnalysisOptions options)
      throws UnreadableRecordingException {
    if (recordings.isEmpty()) {
      throw new IllegalArgumentException("no recordings to analyze");
    }
    ProfileBuilder builder = new ProfileBuilder();
    if (options.graphs()) {
      builder.recordStacks();
    }
    new JfrLoader(builder, options.applicationPackages(), options.libraryPackages(), options.progress(),
        options.readerThreads()).load(recordings);
    return builder.build();
  }

  /** The report for a profile built elsewhere, e.g. from a live stream. */
  public Report report(AllocationProfile profile, AnalysisOptions options) {
    ReportBuilder report = new ReportBuilder(profile);
    GcSummary gc = report.gc();
    List<SiteSummary> sites = report.sites();
    Set<String> undecided = new LinkedHashSet<>();
    DetectionInput input = new DetectionInput(profile, gc, sites, options.thresholds(),
        options.classFiles().withEmbedded(profile.embeddedClassFiles()), undecided::add);
    List<Finding> findings = detectors.detect(input);
    return report.report(gc, sites.subList(0, Math.min(options.topSites(), sites.size())), findings,
        List.copyOf(undecided), options.graphs());
  }
}
