// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.EstimatedSaving;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.FindingSite;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.report.GcSummary;
import io.heapwise.analyzer.report.InstrumentationSummary;
import io.heapwise.analyzer.report.LifetimeSummary;
import io.heapwise.analyzer.report.RecordingInfo;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.SiteSummary;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's measurements in the text report: the instrumentation line and the lifetime bars of top sites. */
class TextRendererTest {

  private static final LifetimeSummary QUOTES = new LifetimeSummary(1_250, 256, null, 1_240, 1_238, 2, 0, 10,
      0.985, 0.995, 0.002, 0, 3.26, 12.4, gcCycles(1_222, 12, 4, 2), Map.of("1", 200L, "5", 1_000L, "20", 38L));

  private static Map<String, Long> gcCycles(long dead0, long dead1, long dead2, long longLived) {
    Map<String, Long> buckets = new LinkedHashMap<>();
    buckets.put("0", dead0);
    buckets.put("1", dead1);
    buckets.put("2", dead2);
    buckets.put("3", 0L);
    buckets.put("4", 0L);
    buckets.put("8", 0L);
    buckets.put("16", longLived);
    return buckets;
  }

  private static SiteSummary site(String type, int line, LifetimeSummary lifetime) {
    return new SiteSummary(type, "com.acme.Service", "quote", line, "Service.java", null, 1_000_000, 0.5, 100_000,
        100, List.of(), lifetime, null);
  }

  private static String render(InstrumentationSummary instrumentation, List<SiteSummary> sites) throws Exception {
    return render(instrumentation, sites, List.of());
  }

  private static String render(InstrumentationSummary instrumentation, List<SiteSummary> sites,
      List<Finding> findings) throws Exception {
    RecordingInfo recording = new RecordingInfo(List.of("app.jfr"), "17.0.15", "0.1.0", List.of("com.acme"), 10,
        1_000, "jdk.ObjectAllocationSample", 200, List.of(), List.of(), instrumentation);
    GcSummary gc = new GcSummary(List.of("G1New"), 30, 180, 30, 2, 2, 0.003, 1, 1, 1, 1, 2_000_000, 200_000);
    StringWriter out = new StringWriter();
    new TextRenderer(false).render(new Report(Report.SCHEMA, recording, gc, sites, List.of(), List.of(), List.of(),
        findings, List.of(), null, List.of()), out);
    return out.toString();
  }

  @Test
  void measuredSitesShowTheirLifetimeUnderTheirRank() throws Exception {
    String text = render(new InstrumentationSummary(List.of("com.acme"), 256, false, 20_000, 42, 1, 310, 17, 9, 1, 0),
        List.of(site("byte[]", 20, null), site("com.acme.Quote", 41, QUOTES)));
    assertThat(text).contains("  instrumented com.acme (1 in 256 allocations sampled), 42 classes (1 skipped), 310"
        + " sites; 9 samples dropped (more than 20,000 objects in flight)");
    assertThat(text).contains("Measured lifetimes (Heapwise agent: sampled objects followed until they die)\n"
        + "  #2  com.acme.Quote at com.acme.Service.quote(Service.java:41)\n"
        + "      GCs survived  0 #################### 98.5%  1 . 1.0%  2 . 0.3%  16+ . 0.2%\n"
        + "      age           median 3.3 ms, p90 12.4 ms; 1,240 objects tracked, 1 in 256 sampled, 10 dropped\n");
    assertThat(text).doesNotContain("#1  byte[]");
  }

  /** The promise: an escape finding explained in at most five lines a developer can act on. */
  @Test
  void anEscapeFindingTakesFiveLines() throws Exception {
    FindingSite at = new FindingSite("com.acme.Invoicing", "taxAll", 39, "com.acme.Money");
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("reason", "CALLEE_TOO_BIG");
    evidence.put("escape", "ARG_ESCAPE");
    evidence.put("bytesPerSecondAfterWarmUp", 650_000_000.0);
    evidence.put("callsOnPath", List.of("com.acme.VatRules.vatOn(Lcom/acme/Money;)J (line 39, 459 bytes)"));
    evidence.put("why", "C2 did not inline VatRules.vatOn on the object's path: \"hot method too big\" (459 bytes of"
        + " bytecode, over this VM's FreqInlineSize 325).");
    evidence.put("measuredBy", "jdk.ObjectAllocationSample bytes of the site after C2's first compilation");
    Finding escape = new Finding(Finding.idOf(FindingKind.ESCAPE_CANDIDATE, at), FindingKind.ESCAPE_CANDIDATE,
        Severity.CRITICAL, at, null, "The Money at Invoicing.java:39 never leaves taxAll() by its bytecode, yet"
        + " 620 MB/s of it reached the heap after C2 compiled the method. " + evidence.get("why"), evidence,
        "Split VatRules.vatOn. Expected: once C2 compiles the changed code, Invoicing.java:39 stops allocating.",
        new EstimatedSaving(650_000_000.0, 0.99), Confidence.HIGH, "C2's decisions differ between runs.");

    String text = render(null, List.of(site("com.acme.Money", 39, null)), List.of(escape));

    List<String> block = text.lines().dropWhile(line -> !line.contains("ESCAPE_CANDIDATE:"))
        .takeWhile(line -> !line.isBlank()).toList();
    assertThat(block).hasSize(5);
    assertThat(block.get(0)).contains("CRITICAL", "saves 619.9 MB/s (99.0% of allocation after warm-up)");
    assertThat(block.get(1)).contains("Invoicing.java:39", "hot method too big");
    assertThat(block.get(2)).contains("do this", "Expected:");
    assertThat(block.get(3)).contains("reason=CALLEE_TOO_BIG", "escape=ARG_ESCAPE");
    assertThat(block.get(4)).contains("confidence", "high");
  }

  @Test
  void withoutMeasurementsNothingChanges() throws Exception {
    String text = render(null, List.of(site("byte[]", 20, null)));
    assertThat(text).doesNotContain("instrumented", "Measured lifetimes");
  }
}
