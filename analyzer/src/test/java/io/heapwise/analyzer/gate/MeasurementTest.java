// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.EstimatedSaving;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.FindingSite;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.report.GcSummary;
import io.heapwise.analyzer.report.RecordingInfo;
import io.heapwise.analyzer.report.Report;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasurementTest {

  /** A string concatenation at one line allocates a String and its byte[]: two findings, one id. */
  private static Finding escapes(String type, Severity severity, double bytesPerSecond) {
    FindingSite site = new FindingSite("com.acme.Invoice", "render", 77, type);
    return new Finding(Finding.idOf(FindingKind.ESCAPE_CANDIDATE, site), FindingKind.ESCAPE_CANDIDATE, severity,
        site, null, "The " + type + " made at Invoice.java:77 reaches the heap", Map.of(), "Keep it local.",
        new EstimatedSaving(bytesPerSecond, 0.1), Confidence.MEDIUM, "measured");
  }

  private static Measurement measure(List<Finding> findings) {
    RecordingInfo recording = new RecordingInfo(List.of("app.jfr"), "17.0.15", "0.1.0", List.of("com.acme"), 10,
        1_000, "jdk.ObjectAllocationSample", 200, List.of(), List.of(), null);
    GcSummary gc = new GcSummary(List.of("G1New"), 30, 180, 30, 2, 2, 0.003, 1, 1, 1, 1, 2_000_000, 200_000);
    Report report = new Report(Report.SCHEMA, recording, gc, List.of(), List.of(), List.of(), List.of(), findings,
        List.of(), null, List.of());
    return Measurement.of("app.jfr", report, 1, Map.of());
  }

  @Test
  void findingsSharingAnIdAreMeasuredByTheMostSevereWhicheverRanksFirst() {
    Finding bytes = escapes("byte[]", Severity.WARNING, 2_000_000);
    Finding string = escapes("java.lang.String", Severity.INFO, 1_000_000);

    Measurement bytesFirst = measure(List.of(bytes, string));
    Measurement stringFirst = measure(List.of(string, bytes));

    assertThat(bytesFirst.findings()).containsOnlyKeys(bytes.id()).containsEntry(bytes.id(), bytes);
    assertThat(stringFirst.findings()).containsEntry(bytes.id(), bytes);
    Baseline baseline = Baseline.of(WorkUnit.perRun(), List.of(bytesFirst));
    assertThat(baseline.findings()).containsEntry(bytes.id(), Severity.WARNING);
  }
}
