// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.heapwise.analyzer.finding.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * Allocation per unit of work of a workload, per site and in all, with the findings it had: what a gate compares a
 * new run against. Written as a small, sorted JSON file to keep in the repository and review like code.
 *
 * @param schema {@value #SCHEMA}
 * @param unit what allocation is divided by
 * @param recordings what it was measured from
 * @param total all allocation per unit
 * @param sites the sites that allocated at least {@code siteFloor} per unit, by site id
 * @param siteFloor the most that any site left out allocated per unit (too small, too few samples, or beyond
 *     {@link #MAX_SITES}): a site new to a later run is compared against this, since it may have been just under it
 * @param tests each test's exact allocation per run, by test name, when the Heapwise JUnit extension recorded
 *     the tests; empty otherwise (and then absent from the file)
 * @param findings each finding's severity, by finding id; findings about a code location only, since those about
 *     the whole recording (GC pressure) follow from the total, which is gated itself
 */
@JsonPropertyOrder({"schema", "unit", "recordings", "total", "siteFloor", "sites", "tests", "findings"})
public record Baseline(String schema, WorkUnit unit, List<Recording> recordings, Quantity total, double siteFloor,
    SortedMap<String, Quantity> sites, SortedMap<String, TestRuns> tests, SortedMap<String, Severity> findings) {

  public static final String SCHEMA = "heapwise-baseline/1";
  /** Sites under this share of all allocation are left out: noise to a gate, clutter to a reviewer. */
  public static final double MIN_SITE_SHARE = 0.002;
  /** At most this many sites, the largest: enough for any workload's hot paths, few enough to review. */
  public static final int MAX_SITES = 200;
  /**
   * Sites seen in fewer samples are left out: a handful of samples says little (one standard error is a third of
   * the value at 9), and such lines would churn in every regenerated baseline.
   */
  public static final int MIN_SITE_SAMPLES = 10;

  /**
   * One recording a baseline was measured from.
   *
   * @param source its file name
   * @param units the units of work it did
   * @param bytesPerUnit its own allocation per unit, to see the spread at a glance
   */
  @JsonPropertyOrder({"source", "units", "bytesPerUnit"})
  public record Recording(String source, double units, double bytesPerUnit) {
  }

  /**
   * One test's allocation: exact, so no sampling error, only what differs between runs (the JIT compiling a
   * loop sooner or later, a cache that a test before it filled).
   *
   * @param bytesPerRun bytes its thread allocated per run of the test, the mean over the recordings that ran it
   * @param spread the run-to-run relative standard deviation when two or more recordings ran it, else absent
   */
  @JsonPropertyOrder({"bytesPerRun", "spread"})
  public record TestRuns(double bytesPerRun, @JsonInclude(JsonInclude.Include.NON_NULL) Double spread) {

    /** In a comparison's terms: a quantity with no sampling error. */
    public Quantity asQuantity() {
      return new Quantity(bytesPerRun, 0, spread);
    }
  }

  public Baseline {
    recordings = List.copyOf(recordings);
    sites = Collections.unmodifiableSortedMap(new TreeMap<>(sites));
    tests = Collections.unmodifiableSortedMap(tests == null ? new TreeMap<>() : new TreeMap<>(tests));
    findings = Collections.unmodifiableSortedMap(new TreeMap<>(findings));
  }

  /**
   * Combines recordings of the same workload: each quantity is the mean of the recordings' per-unit values, and with
   * two or more recordings their relative standard deviation is kept as the quantity's run-to-run spread. A
   * finding is kept at the highest severity any recording gave it.
   */
  public static Baseline of(WorkUnit unit, List<Measurement> measurements) {
    if (measurements.isEmpty()) {
      throw new IllegalArgumentException("no recordings to make a baseline from");
    }
    List<Recording> recordings = new ArrayList<>();
    List<double[]> totals = new ArrayList<>();
    Map<String, List<double[]>> perSite = new TreeMap<>();
    for (int i = 0; i < measurements.size(); i++) {
      Measurement m = measurements.get(i);
      recordings.add(new Recording(m.source(), m.units(), m.totalBytes() / m.units()));
      totals.add(new double[] {m.totalBytes() / m.units(), m.totalSamples()});
      for (Map.Entry<String, long[]> site : m.sites().entrySet()) {
        List<double[]> values = perSite.computeIfAbsent(site.getKey(), k -> new ArrayList<>());
        values.add(new double[] {site.getValue()[0] / m.units(), site.getValue()[1]});
      }
    }
    Quantity total = combine(totals, measurements.size());
    double floor = total.bytesPerUnit() * MIN_SITE_SHARE;
    List<Map.Entry<String, Quantity>> ranked = new ArrayList<>();
    perSite.forEach((id, values) -> ranked.add(Map.entry(id, combine(values, measurements.size()))));
    ranked.sort((a, b) -> Double.compare(b.getValue().bytesPerUnit(), a.getValue().bytesPerUnit()));
    SortedMap<String, Quantity> sites = new TreeMap<>();
    double minBytes = floor;
    for (Map.Entry<String, Quantity> site : ranked) {
      Quantity q = site.getValue();
      if (q.bytesPerUnit() >= minBytes && q.samples() >= MIN_SITE_SAMPLES && sites.size() < MAX_SITES) {
        sites.put(site.getKey(), q);
      } else {
        floor = Math.max(floor, q.bytesPerUnit());
      }
    }
    SortedMap<String, Severity> findings = new TreeMap<>();
    for (Measurement m : measurements) {
      m.findings().forEach((id, finding) -> {
        if (finding.site() != null && finding.site().className() != null) {
          findings.merge(id, finding.severity(), BinaryOperator.maxBy(Comparator.naturalOrder()));
        }
      });
    }
    return new Baseline(SCHEMA, unit, recordings, total, floor, sites, tests(measurements), findings);
  }

  /** Each test's mean over the recordings that ran it: a recording that did not is a different suite, not 0. */
  private static SortedMap<String, TestRuns> tests(List<Measurement> measurements) {
    Map<String, List<Double>> perTest = new TreeMap<>();
    for (Measurement m : measurements) {
      m.tests().forEach((test, allocation) -> {
        if (allocation.runs() > 0) {
          perTest.computeIfAbsent(test, k -> new ArrayList<>()).add(allocation.bytesPerRun());
        }
      });
    }
    SortedMap<String, TestRuns> tests = new TreeMap<>();
    perTest.forEach((test, values) -> {
      double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      Double spread = null;
      if (values.size() >= 2 && mean > 0) {
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        spread = Math.sqrt(squares / (values.size() - 1)) / mean;
      }
      tests.put(test, new TestRuns(mean, spread));
    });
    return tests;
  }

  /** The mean of per-recording values (absent from a recording counts as 0 there), samples summed. */
  private static Quantity combine(List<double[]> values, int recordings) {
    double sum = 0;
    long samples = 0;
    for (double[] value : values) {
      sum += value[0];
      samples += (long) value[1];
    }
    double mean = sum / recordings;
    if (recordings < 2 || mean <= 0) {
      return new Quantity(mean, samples, null);
    }
    double squares = 0;
    for (double[] value : values) {
      squares += (value[0] - mean) * (value[0] - mean);
    }
    squares += (recordings - values.size()) * mean * mean; // the recordings where it was absent, at 0
    return new Quantity(mean, samples, Math.sqrt(squares / (recordings - 1)) / mean);
  }
}
