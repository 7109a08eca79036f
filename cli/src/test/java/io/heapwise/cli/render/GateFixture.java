// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.FindingSite;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.gate.Baseline;
import io.heapwise.analyzer.gate.Comparison;
import io.heapwise.analyzer.gate.Measurement;
import io.heapwise.analyzer.gate.WorkUnit;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A gate over a book-matching service, made from real model objects: one site rose by half, one is new (a nested
 * class's constructor), one is steady, one is gone; a BOXING warning is new, a LARGE_ARRAY info too, and the
 * baseline's UNSIZED_COLLECTION is fixed. The total rose with them. Every quantity has 10,000 samples, so the
 * noise is about 1% and the verdicts do not hinge on it.
 */
final class GateFixture {

  static final String SOURCE = "heapwise-baseline.json";
  static final WorkUnit UNIT = WorkUnit.event("app.Request");
  static final double REQUESTS = 1_000;
  static final long SAMPLES = 10_000;

  static final String GROWN = "java.lang.Object[] at com.acme.Book.match(Book.java:73) via ArrayList.grow";
  static final String STEADY = "byte[] at com.acme.Codec.read(Codec.java:40)";
  static final String OTHER = "java.lang.Object at com.acme.Misc.run(Misc.java:5)";
  static final String GONE = "char[] at com.acme.Legacy.format(Legacy.java:12)";
  static final String NEW = "int[] at com.acme.Book$Page.<init>(Book.java:120)";
  static final String NEW_BOXING = "BOXING:com.acme.Book.match:75";
  static final String NEW_INFO = "LARGE_ARRAY:com.acme.Codec.read:40";
  static final String FIXED = "UNSIZED_COLLECTION:com.acme.Legacy.format:10";

  private GateFixture() {
  }

  /** The gate: total, GROWN and NEW regress, NEW_BOXING is a new warning. */
  static Comparison gate() {
    Map<String, Double> before = new LinkedHashMap<>();
    before.put(GROWN, 100_000.0);
    before.put(STEADY, 50_000.0);
    before.put(OTHER, 30_000.0);
    before.put(GONE, 20_000.0);
    Map<String, Double> after = new LinkedHashMap<>();
    after.put(GROWN, 150_000.0);
    after.put(STEADY, 50_500.0);
    after.put(OTHER, 30_000.0);
    after.put(NEW, 40_000.0);
    Map<String, Finding> findings = findings(finding(NEW_BOXING, FindingKind.BOXING, Severity.WARNING, 75),
        finding(NEW_INFO, FindingKind.LARGE_ARRAY, Severity.INFO, 40));
    return compare(before, findings(finding(FIXED, FindingKind.UNSIZED_COLLECTION, Severity.CRITICAL, 10)), after,
        findings);
  }

  /** A run the same as its baseline: nothing moves. */
  static Comparison unchanged() {
    Map<String, Double> sites = Map.of(GROWN, 100_000.0, STEADY, 50_000.0);
    return compare(sites, Map.of(), sites, Map.of());
  }

  /** Bytes per request by site id, measured over {@link #REQUESTS} requests. */
  static Comparison compare(Map<String, Double> before, Map<String, Finding> findingsBefore,
      Map<String, Double> after, Map<String, Finding> findingsAfter) {
    Baseline baseline = Baseline.of(UNIT, List.of(measurement("before.jfr", before, findingsBefore)));
    Baseline current = Baseline.of(UNIT, List.of(measurement("after.jfr", after, findingsAfter)));
    return Comparison.of(baseline, current, findingsAfter, new Comparison.Limits(0.10, null));
  }

  static String render(ComparisonRenderer renderer, Comparison comparison, boolean verdict) throws Exception {
    StringWriter out = new StringWriter();
    renderer.render(comparison, SOURCE, verdict, out);
    return out.toString();
  }

  private static Measurement measurement(String source, Map<String, Double> bytesPerRequest,
      Map<String, Finding> findings) {
    Map<String, long[]> sites = new LinkedHashMap<>();
    long total = 0;
    for (Map.Entry<String, Double> site : bytesPerRequest.entrySet()) {
      long bytes = Math.round(site.getValue() * REQUESTS);
      sites.put(site.getKey(), new long[] {bytes, SAMPLES});
      total += bytes;
    }
    return new Measurement(source, REQUESTS, total, SAMPLES * sites.size(), sites, findings, Map.of());
  }

  private static Finding finding(String id, FindingKind kind, Severity severity, int line) {
    String[] parts = id.split(":");
    int dot = parts[1].lastIndexOf('.');
    FindingSite site = new FindingSite(parts[1].substring(0, dot), parts[1].substring(dot + 1), line, "int[]");
    return new Finding(id, kind, severity, site, null, kind.name().toLowerCase(Locale.ROOT) + " at line " + line, Map.of(),
        "change it", null, Confidence.HIGH, "none");
  }

  private static Map<String, Finding> findings(Finding... findings) {
    Map<String, Finding> byId = new LinkedHashMap<>();
    for (Finding finding : findings) {
      byId.put(finding.id(), finding);
    }
    return byId;
  }
}
