// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.FindingSite;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.gate.Comparison.Check;
import io.heapwise.analyzer.gate.Comparison.Kind;
import io.heapwise.analyzer.gate.Comparison.Verdict;
import io.heapwise.analyzer.model.TestAllocation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gate's rules on measurements whose sampling error is known by construction: {@code n} samples make a
 * quantity's standard error {@code 1/sqrt(n)} of it.
 */
class ComparisonTest {

  private static final String RENDER = "byte[] at com.acme.Invoice.render(Invoice.java:88)";
  private static final String PARSE = "char[] at com.acme.Invoice.parse(Invoice.java:40)";
  private static final String PRICE = "java.math.BigDecimal at com.acme.Pricing.price(Pricing.java:12)";
  private static final Comparison.Limits TEN_PERCENT = new Comparison.Limits(0.10, null);

  /** A run of 1,000 units of work whose sites allocated these many bytes per unit, with 10,000 samples each. */
  private static Measurement run(Map<String, Double> bytesPerUnit, Finding... findings) {
    Map<String, long[]> sites = new HashMap<>();
    long total = 0;
    long samples = 0;
    for (Map.Entry<String, Double> site : bytesPerUnit.entrySet()) {
      long bytes = Math.round(site.getValue() * 1_000);
      sites.put(site.getKey(), new long[] {bytes, 10_000});
      total += bytes;
      samples += 10_000;
    }
    Map<String, Finding> byId = new HashMap<>();
    for (Finding finding : findings) {
      byId.put(finding.id(), finding);
    }
    return new Measurement("run.jfr", 1_000, total, samples, sites, byId, Map.of());
  }

  private static Baseline baseline(Measurement... runs) {
    return Baseline.of(WorkUnit.event("app.Request"), List.of(runs));
  }

  private static Comparison compare(Baseline before, Measurement now) {
    return Comparison.of(before, Baseline.of(WorkUnit.event("app.Request"), List.of(now)), now.findings(),
        TEN_PERCENT);
  }

  private static Finding unsized(Severity severity) {
    FindingSite site = new FindingSite("com.acme.Invoice", "lines", 61, "java.util.ArrayList");
    return new Finding(Finding.idOf(FindingKind.UNSIZED_COLLECTION, site), FindingKind.UNSIZED_COLLECTION, severity,
        site, null, "The ArrayList grown at Invoice.java:64 reallocates its backing array", Map.of(), "Presize it.",
        null, Confidence.HIGH, "measured");
  }

  /** A test suite's run: one unit, all its bytes in one site, and each test's exact bytes (run once). */
  private static Measurement suiteRun(long otherBytes, Map<String, Long> tests) {
    Map<String, TestAllocation> allocations = new HashMap<>();
    long total = otherBytes;
    for (Map.Entry<String, Long> test : tests.entrySet()) {
      allocations.put(test.getKey(), new TestAllocation(test.getValue(), 1, 0));
      total += test.getValue();
    }
    return new Measurement("suite.jfr", 1, total, 10_000, Map.of(RENDER, new long[] {total, 10_000}), Map.of(),
        allocations);
  }

  private static Comparison compareSuites(Measurement before, Measurement now) {
    return Comparison.of(Baseline.of(WorkUnit.perRun(), List.of(before)),
        Baseline.of(WorkUnit.perRun(), List.of(now)), Map.of(), TEN_PERCENT);
  }

  @Test
  void aTestThatAllocatesMoreFailsByNameEvenWhenTheTotalStaysWithinItsLimit() {
    Measurement before = suiteRun(400_000_000, Map.of("com.acme.OrderTest.totals()", 40_000_000L,
        "com.acme.OrderTest.render()", 60_000_000L));
    Measurement now = suiteRun(400_000_000, Map.of("com.acme.OrderTest.totals()", 52_000_000L,
        "com.acme.OrderTest.render()", 60_500_000L));
    Comparison comparison = compareSuites(before, now);

    assertThat(comparison.checks().get(0).verdict()).as("total +2.5%").isEqualTo(Verdict.WITHIN);
    assertThat(comparison.failures()).extracting(Check::kind, Check::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.TEST, "com.acme.OrderTest.totals()"));
    assertThat(comparison.failures().get(0).why()).contains("+30.0%", "per run");
  }

  @Test
  void aTestThatRoseInASuiteWhoseTestsChangedSaysTheJitMayBeWhy() {
    Measurement before = suiteRun(400_000_000, Map.of("com.acme.OrderTest.totals()", 40_000_000L,
        "com.acme.OrderTest.warmsUp()", 10_000_000L));
    Measurement now = suiteRun(400_000_000, Map.of("com.acme.OrderTest.totals()", 52_000_000L));
    Comparison comparison = compareSuites(before, now);

    assertThat(comparison.failures()).singleElement().satisfies(test -> assertThat(test.why())
        .contains("+30.0%", "1 test came or went since the baseline", "remake the baseline"));
  }

  @Test
  void aTestWithinItsRunToRunNoiseOrNewToTheBaselineDoesNotFail() {
    Measurement before = suiteRun(100_000_000, Map.of("com.acme.OrderTest.totals()", 40_000_000L));
    // +15% on a test whose baseline runs spread by 10%: inside k standard errors.
    Measurement again = suiteRun(100_000_000, Map.of("com.acme.OrderTest.totals()", 48_000_000L));
    Baseline spread = Baseline.of(WorkUnit.perRun(), List.of(before, again));
    assertThat(spread.tests().get("com.acme.OrderTest.totals()").spread()).isGreaterThan(0.1);
    Measurement now = suiteRun(100_000_000, Map.of("com.acme.OrderTest.totals()", 50_600_000L,
        "com.acme.OrderTest.bigReport()", 90_000_000L));
    Comparison comparison = Comparison.of(spread, Baseline.of(WorkUnit.perRun(), List.of(now)), Map.of(),
        TEN_PERCENT);

    assertThat(comparison.fails()).as("%s", comparison.checks()).isFalse();
    Check total = comparison.checks().get(0);
    assertThat(total.current()).isGreaterThan(total.baseline() * 1.5);
    assertThat(total.why()).startsWith("85.8 MB in 1 test new to the baseline left out: ");
    assertThat(comparison.checks()).filteredOn(c -> c.name().equals("com.acme.OrderTest.bigReport()"))
        .singleElement().satisfies(c -> assertThat(c.listed()).isFalse());
  }

  @Test
  void aTestNoLongerRunIsGoneAndItsBytesAreAddedBackToTheTotal() {
    Measurement before = suiteRun(10_000_000, Map.of("com.acme.A.a()", 50_000_000L, "com.acme.A.b()", 1_000_000L));
    Measurement now = suiteRun(10_000_000, Map.of("com.acme.A.b()", 1_000_000L));
    Comparison comparison = compareSuites(before, now);

    assertThat(comparison.fails()).isFalse();
    assertThat(comparison.checks().get(0).verdict()).as("-82%% in all, 0%% for the same tests")
        .isEqualTo(Verdict.WITHIN);
    assertThat(comparison.checks()).filteredOn(c -> c.kind() == Kind.TEST && c.verdict() == Verdict.GONE)
        .extracting(Check::name).containsExactly("com.acme.A.a()");
  }

  @Test
  void aSiteThatGrewBeyondTheLimitFailsAndIsNamedFirst() {
    Baseline before = baseline(run(Map.of(RENDER, 20_000.0, PARSE, 8_000.0, PRICE, 4_000.0)));
    Comparison comparison = compare(before, run(Map.of(RENDER, 30_000.0, PARSE, 8_100.0, PRICE, 3_990.0)));

    assertThat(comparison.fails()).isTrue();
    assertThat(comparison.failures()).extracting(Check::name).containsExactly("total", RENDER);
    Check render = comparison.failures().get(1);
    assertThat(render.verdict()).isEqualTo(Verdict.REGRESSED);
    assertThat(render.rise()).isEqualTo(10_000.0);
    assertThat(render.why()).contains("+50.0%", "above the +10% limit");
    assertThat(comparison.checks()).filteredOn(c -> c.kind() == Kind.SITE).first().extracting(Check::name)
        .isEqualTo(RENDER);
  }

  @Test
  void aFivePercentRiseUnderATenPercentLimitPasses() {
    Baseline before = baseline(run(Map.of(RENDER, 20_000.0, PARSE, 8_000.0)));
    Comparison comparison = compare(before, run(Map.of(RENDER, 21_000.0, PARSE, 8_400.0)));

    assertThat(comparison.fails()).isFalse();
    assertThat(comparison.checks()).allMatch(c -> c.verdict() == Verdict.WITHIN);
  }

  @Test
  void aSiteRiseWithinItsSamplingErrorDoesNotFailEvenAboveTheLimit() {
    // 25 samples at PARSE: one standard error is a fifth of it, so its +30% is well inside the noise, while the
    // total, which is not a sampled estimate, rose beyond its limit on RENDER's account.
    Measurement before = new Measurement("before.jfr", 1_000, 110_000_000, 10_025,
        Map.of(RENDER, new long[] {100_000_000, 10_000}, PARSE, new long[] {10_000_000, 25}), Map.of(), Map.of());
    Measurement after = new Measurement("after.jfr", 1_000, 125_000_000, 10_025,
        Map.of(RENDER, new long[] {112_000_000, 10_000}, PARSE, new long[] {13_000_000, 25}), Map.of(), Map.of());
    Comparison comparison = Comparison.of(baseline(before), baseline(after), Map.of(), TEN_PERCENT);

    assertThat(comparison.failures()).extracting(Check::name).containsExactly("total", RENDER);
    assertThat(comparison.checks()).filteredOn(c -> c.name().equals(PARSE)).singleElement()
        .extracting(Check::why).asString().startsWith("within the noise");
  }

  @Test
  void theBaselinesRunToRunSpreadWidensTheNoise() {
    // Three baseline runs that differ by about 15% from each other: a 20% rise is within what they show.
    Baseline before = baseline(run(Map.of(RENDER, 17_000.0)), run(Map.of(RENDER, 20_000.0)),
        run(Map.of(RENDER, 23_000.0)));
    assertThat(before.sites().get(RENDER).spread()).isCloseTo(0.15, within(0.001));

    assertThat(compare(before, run(Map.of(RENDER, 24_000.0))).fails()).isFalse();
    assertThat(compare(before, run(Map.of(RENDER, 40_000.0))).fails()).isTrue();
  }

  /** JFR's attribution moves between sites when the allocation pattern changes; the total does not. */
  @Test
  void aSiteThatRoseWhileTheTotalDidNotIsShiftedAndDoesNotFail() {
    Baseline before = baseline(run(Map.of(RENDER, 20_000.0, PARSE, 2_000.0, PRICE, 8_000.0)));
    Comparison comparison = compare(before, run(Map.of(RENDER, 20_000.0, PARSE, 8_000.0, PRICE, 2_000.0)));

    assertThat(comparison.fails()).isFalse();
    assertThat(comparison.checks()).filteredOn(c -> c.name().equals(PARSE)).singleElement().satisfies(check -> {
      assertThat(check.verdict()).isEqualTo(Verdict.SHIFTED);
      assertThat(check.why()).contains("+300.0%", "not failing, since the total stayed within its limit");
    });
  }

  @Test
  void aSiteTooSmallToMatterCannotFail() {
    Baseline before = baseline(run(Map.of(RENDER, 100_000.0, PRICE, 500.0)));
    Comparison comparison = compare(before, run(Map.of(RENDER, 100_000.0, PRICE, 900.0)));

    // +80% at PRICE, far beyond the noise, but 400 B per unit is under 1% of the 100 KB total.
    assertThat(comparison.fails()).isFalse();
    assertThat(comparison.checks()).filteredOn(c -> c.name().equals(PRICE)).singleElement()
        .extracting(Check::why).asString().startsWith("below the minimum rise");
  }

  @Test
  void aNewSiteIsComparedWithTheBaselinesFloor() {
    Baseline before = baseline(run(Map.of(RENDER, 20_000.0)));
    Comparison comparison = compare(before, run(Map.of(RENDER, 20_000.0, PARSE, 5_000.0)));

    assertThat(comparison.failures()).extracting(Check::name).contains(PARSE);
    Check parse = comparison.checks().stream().filter(c -> c.name().equals(PARSE)).findFirst().orElseThrow();
    assertThat(parse.verdict()).isEqualTo(Verdict.NEW);
    assertThat(parse.listed()).isFalse();
  }

  @Test
  void aSiteWhoseLineMovedIsTheSameSite() {
    Baseline before = baseline(run(Map.of(RENDER, 20_000.0)));
    String moved = RENDER.replace(":88)", ":93)");
    Comparison comparison = compare(before, run(Map.of(moved, 20_100.0)));

    assertThat(comparison.fails()).isFalse();
    assertThat(comparison.checks()).extracting(Check::name).contains(moved + " (was " + RENDER + ")");
  }

  @Test
  void aNewFindingOfWarningOrWorseFailsAndAnInfoOneDoesNot() {
    Baseline before = baseline(run(Map.of(RENDER, 20_000.0)));

    Comparison critical = compare(before, run(Map.of(RENDER, 20_000.0), unsized(Severity.CRITICAL)));
    Comparison info = compare(before, run(Map.of(RENDER, 20_000.0), unsized(Severity.INFO)));

    assertThat(critical.failures()).singleElement().satisfies(check -> {
      assertThat(check.kind()).isEqualTo(Kind.FINDING);
      assertThat(check.name()).isEqualTo("UNSIZED_COLLECTION:com.acme.Invoice.lines:61");
      assertThat(check.why()).startsWith("new critical: The ArrayList grown");
    });
    assertThat(info.fails()).isFalse();
  }

  @Test
  void aFindingAlreadyInTheBaselineDoesNotFail() {
    Baseline before = baseline(run(Map.of(RENDER, 20_000.0), unsized(Severity.CRITICAL)));

    assertThat(compare(before, run(Map.of(RENDER, 20_000.0), unsized(Severity.CRITICAL))).fails()).isFalse();
    assertThat(compare(before, run(Map.of(RENDER, 20_000.0))).checks()).anySatisfy(check ->
        assertThat(check.verdict()).isEqualTo(Verdict.GONE));
  }

  @Test
  void runsMeasuredPerDifferentUnitsDoNotCompare() {
    Baseline perRequest = baseline(run(Map.of(RENDER, 20_000.0)));
    Baseline perRun = Baseline.of(WorkUnit.perRun(), List.of(run(Map.of(RENDER, 20_000.0))));

    assertThatThrownBy(() -> Comparison.of(perRequest, perRun, Map.of(), TEN_PERCENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("per app.Request event").hasMessageContaining("per run");
  }
}
