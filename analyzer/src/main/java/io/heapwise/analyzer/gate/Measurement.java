// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.gate;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.UnreadableRecordingException;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.TestAllocation;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.SiteSummary;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * What one recording allocated, in the terms a gate compares: bytes and samples in all and per site, the units of
 * work it did, and its findings.
 *
 * @param source the recording's file name, for the baseline's list of what it was made from
 * @param units units of work done; positive
 * @param sites per site id ({@link #siteId}), bytes and samples
 * @param findings per finding id, the finding; the most severe of those sharing an id
 * @param tests per test, its exact allocation (from the Heapwise JUnit extension); empty without it
 * @param notes what the report noted about the recording, e.g. samples that weigh so unevenly that the sites'
 *     bytes are rough: for the reader of a gate, not compared
 */
public record Measurement(String source, double units, long totalBytes, long totalSamples,
    Map<String, long[]> sites, Map<String, Finding> findings, Map<String, TestAllocation> tests,
    List<String> notes) {

  public Measurement {
    if (!(units > 0)) {
      throw new IllegalArgumentException("units of work must be positive, was " + units);
    }
    sites = Map.copyOf(sites);
    findings = Map.copyOf(findings);
    tests = Map.copyOf(tests);
    notes = List.copyOf(notes);
  }

  /** A measurement without notes. */
  public Measurement(String source, double units, long totalBytes, long totalSamples, Map<String, long[]> sites,
      Map<String, Finding> findings, Map<String, TestAllocation> tests) {
    this(source, units, totalBytes, totalSamples, sites, findings, tests, List.of());
  }

  /**
   * The measurement of a report made with every site listed ({@code topSites} at least the number of sites), as
   * the gate makes it from a recording, or as a user's {@code --format json --top 1000} report holds it; with the
   * tests of the recording, which a report does not hold.
   */
  public static Measurement of(String source, Report report, double units, Map<String, TestAllocation> tests) {
    Map<String, long[]> sites = new HashMap<>();
    long total = 0;
    for (SiteSummary site : report.sites()) {
      sites.merge(siteId(site), new long[] {site.bytes(), site.samples()},
          (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
      total += site.bytes();
    }
    Map<String, Finding> findings = new LinkedHashMap<>();
    // An id names a line, and one line can allocate two types (a String and its byte[]), each with a finding: the
    // worse stands for the line, so the gate's verdict does not depend on which of them the ranking put last.
    BinaryOperator<Finding> worse = BinaryOperator.maxBy(Comparator.comparing(Finding::severity));
    report.findings().forEach(finding -> findings.merge(finding.id(), finding, worse));
    return new Measurement(source, units, total, report.recording().allocationSamples(), sites, findings, tests,
        report.recording().notes());
  }

  /**
   * Measures one recording: its profile, analyzed with every site listed, divided into {@code unit}s of work.
   *
   * @throws NoWorkException when the recording holds no unit of work (no such event in it)
   */
  public static Measurement ofRecording(Path recording, WorkUnit unit, AnalysisOptions options)
      throws UnreadableRecordingException, NoWorkException {
    Analyzer analyzer = new Analyzer();
    AllocationProfile profile = analyzer.profile(List.of(recording), options);
    double units = unit.unitsIn(profile);
    if (!(units > 0)) {
      throw new NoWorkException(recording + ": no " + unit.event() + " events in the recording, so no work to"
          + " divide its allocation by; check the event's name (jfr summary " + recording.getFileName()
          + " lists the types) and that the recording enabled it");
    }
    Report report = analyzer.report(profile, options.withTopSites(Math.max(1, profile.sites().size())));
    return of(recording.getFileName().toString(), report, units, profile.tests());
  }

  /** A recording that did no unit of work by the counter asked for. */
  public static final class NoWorkException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoWorkException(String message) {
      super(message);
    }
  }

  /**
   * {@code byte[] at com.acme.Codec.read(Codec.java:40)}, with {@code via ArrayList.grow} when the JDK allocated
   * for the application: readable in a baseline under review, and stable as long as the line does not move.
   */
  public static String siteId(SiteSummary site) {
    return site.allocatedType() + " at " + site.location()
        + (site.mechanism() == null ? "" : " via " + site.mechanism());
  }
}
