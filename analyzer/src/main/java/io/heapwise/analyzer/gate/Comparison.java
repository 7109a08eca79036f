// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.gate;

import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.report.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A run's allocation per unit of work against a baseline: the total, every site either has, and the findings,
 * each with a verdict. {@code heapwise gate} fails on any {@link Check#fails()}; {@code heapwise diff} shows the
 * same checks without failing.
 *
 * <p>A site fails only together with the total. JFR samples at TLAB refills and gives each sample all the bytes the
 * thread allocated since its previous one, so a site's estimate depends on where TLAB boundaries fall in the
 * workload's allocation pattern. For a repeating workload (a CI test, a benchmark) that pattern is the same every
 * run, and so is the bias: runs of the same code agree to a few percent. Change one allocation's size and the
 * boundaries move: measured on the gate sample ({@code WholesaleCheckout}), a footer 5% longer moved three
 * unchanged sites by factors of 0.45 to 4.2 while the total moved by the true 4.7%. The total is exact (the sum of
 * all weights is what the threads allocated), so it decides; sites that rose name the cause when it fails, and
 * are shown as {@link Verdict#SHIFTED} when it does not.
 *
 * @param baseline what was compared against
 * @param current what was measured now, in the baseline's terms
 * @param limits the gate's limits
 * @param sigmas how many standard errors a rise had to exceed to count, for all quantities together
 * <p>Tests are different: the Heapwise JUnit extension reads each test's exact allocation on its thread, so a test
 * that rose beyond the limit and its run-to-run noise fails by itself. A test new to the baseline is not a
 * regression, and with a per-run unit its bytes are taken out of the total before the total is judged, so that a
 * suite that gains tests does not fail for it.
 *
 * @param checks the total first, then sites and tests (those that fail first: new sites, then the largest rise),
 *     then findings
 */
public record Comparison(Baseline baseline, Baseline current, Limits limits, double sigmas, List<Check> checks) {

  /**
   * The total's relative standard error when runs did not show a larger one. It is not {@code 1/sqrt(samples)}:
   * each weight is all the thread allocated since its previous sample, so the weights add up to what the threads
   * allocated, short only of what each did after its last sample. Runs of the gate sample agreed to 0.02-0.2%.
   */
  static final double TOTAL_ERROR = 0.01;

  /**
   * A test's relative standard error when runs did not show a larger one. Its bytes are exact, but a test's
   * allocation moves between runs of the same code when the JIT compiles its loop sooner or later (scalar
   * replacement removes allocations only from compiled code) or when a test before it warmed a shared cache.
   */
  static final double TEST_ERROR = 0.02;

  /** Where a line number sits in a site id: {@code ...(Codec.java:40)}. */
  private static final Pattern LINE = Pattern.compile(":\\d+\\)");

  /**
   * @param maxIncrease a rise of more than this fraction (0.10 for 10%) may fail
   * @param minBytesPerUnit a site must rise by at least this many bytes per unit to fail; {@code null} for 1% of
   *     the baseline's total, so that a site too small to matter cannot fail a build
   */
  public record Limits(double maxIncrease, Double minBytesPerUnit) {
    public static final double DEFAULT_MAX_INCREASE = 0.10;
    static final double DEFAULT_MIN_SHARE_OF_TOTAL = 0.01;

    public double minBytes(Baseline baseline) {
      return minBytesPerUnit != null ? minBytesPerUnit : baseline.total().bytesPerUnit() * DEFAULT_MIN_SHARE_OF_TOTAL;
    }

    /** The same for a test, in bytes per run of it: by default 1% of all the baseline's tests together. */
    public double minTestBytes(Baseline baseline) {
      if (minBytesPerUnit != null) {
        return minBytesPerUnit;
      }
      return baseline.tests().values().stream().mapToDouble(Baseline.TestRuns::bytesPerRun).sum()
          * DEFAULT_MIN_SHARE_OF_TOTAL;
    }
  }

  public enum Kind { TOTAL, SITE, TEST, FINDING }

  /** What became of one quantity. */
  public enum Verdict {
    /** Rose beyond the limit and the noise. */
    REGRESSED(true),
    /** Absent from the baseline, now beyond the limit and the noise. */
    NEW(true),
    /** Moved, within the limit or the noise. */
    WITHIN(false),
    /** Rose beyond the limit and the noise while the total did not: taken as JFR's attribution moving. */
    SHIFTED(false),
    /** Fell beyond the noise. */
    IMPROVED(false),
    /** In the baseline, absent now. */
    GONE(false);

    private final boolean fails;

    Verdict(boolean fails) {
      this.fails = fails;
    }
  }

  /**
   * One compared quantity.
   *
   * @param name {@code total}, a site id, a test's name, or a finding id
   * @param baseline bytes per unit in the baseline (for a new site, the most it can have had: the site floor; for a
   *     test, bytes per run of it); for a finding, its severity's ordinal, -1 when absent
   * @param current bytes per unit now; for a finding, as {@code baseline}
   * @param noise the rise the noise alone could explain, in bytes per unit
   * @param listed whether the baseline lists it (a site or finding new to the baseline is not)
   * @param why the verdict in words, for the gate's output
   */
  public record Check(Kind kind, String name, double baseline, double current, double noise, Verdict verdict,
      boolean listed, String why) {

    public boolean fails() {
      return verdict.fails;
    }

    /** The same numbers with another verdict and {@code more} said after the reason. */
    Check with(Verdict newVerdict, String more) {
      return new Check(kind, name, baseline, current, noise, newVerdict, listed, why + "; " + more);
    }

    /** The rise in bytes per unit (negative for a fall); 0 for findings. */
    public double rise() {
      return kind == Kind.FINDING ? 0 : current - baseline;
    }

    /** The rise as a fraction of the baseline, or infinity for a new site. */
    public double change() {
      return baseline > 0 ? (current - baseline) / baseline : Double.POSITIVE_INFINITY;
    }
  }

  public boolean fails() {
    return checks.stream().anyMatch(Check::fails);
  }

  public List<Check> failures() {
    return checks.stream().filter(Check::fails).toList();
  }

  /**
   * Compares {@code current} with {@code baseline}.
   *
   * @param findings the current findings, by id, for the words of a new finding's check
   * @throws IllegalArgumentException when the two are measured per different units of work
   */
  public static Comparison of(Baseline baseline, Baseline current, Map<String, Finding> findings, Limits limits) {
    if (!baseline.unit().comparesWith(current.unit())) {
      throw new IllegalArgumentException("the baseline is measured " + baseline.unit().describe() + ", this run "
          + current.unit().describe() + ": give the same work counter");
    }
    Map<String, String> matched = matchMovedSites(baseline, current);
    Set<String> siteIds = new LinkedHashSet<>(baseline.sites().keySet());
    for (String id : current.sites().keySet()) {
      if (!matched.containsKey(id)) {
        siteIds.add(id);
      }
    }
    long testsCompared = current.tests().keySet().stream().filter(baseline.tests()::containsKey).count();
    double sigmas = Noise.sigmas(siteIds.size() + 1 + (int) testsCompared);
    List<Check> checks = new ArrayList<>();
    SuiteChange suite = SuiteChange.of(baseline, current);
    checks.add(total(baseline, current, suite, sigmas, limits));
    double minBytes = limits.minBytes(baseline);
    Map<String, String> movedBack = new HashMap<>();
    matched.forEach((now, before) -> movedBack.put(before, now));
    List<Check> sites = new ArrayList<>();
    for (String id : siteIds) {
      String nowId = movedBack.getOrDefault(id, id);
      Quantity before = baseline.sites().get(id);
      Quantity now = current.sites().get(nowId);
      String name = nowId.equals(id) ? id : nowId + " (was " + id + ")";
      if (before == null) {
        // New to the baseline's list: it may have been just under the floor, so rise from the floor.
        Quantity floor = new Quantity(baseline.siteFloor(), 0, null);
        sites.add(quantity(Kind.SITE, name, floor, now, sigmas, limits.maxIncrease(), minBytes, true));
      } else {
        sites.add(quantity(Kind.SITE, name, before, now == null ? Quantity.NONE : now, sigmas, limits.maxIncrease(),
            minBytes, false));
      }
    }
    if (!checks.get(0).fails()) {
      sites.replaceAll(Comparison::shifted);
    }
    // A site new to the baseline is the surest cause: a rise at a listed site may be JFR's attribution moving.
    sites.sort(Comparator.comparing(Check::fails).reversed()
        .thenComparing(check -> check.verdict() != Verdict.NEW)
        .thenComparing(Comparator.comparingDouble(Check::rise).reversed()));
    checks.addAll(sites);
    checks.addAll(testChecks(baseline, current, suite, sigmas, limits));
    checks.addAll(findingChecks(baseline, current, findings));
    return new Comparison(baseline, current, limits, sigmas, checks);
  }

  /**
   * The total; with a per-run unit, less what tests new to the baseline allocated and plus what tests no longer run
   * did, since a suite that changed its tests did different work.
   */
  private static Check total(Baseline baseline, Baseline current, SuiteChange suite, double sigmas,
      Limits limits) {
    if (!WorkUnit.RUN.equals(baseline.unit().kind()) || suite.isNone()) {
      return quantity(Kind.TOTAL, "total", baseline.total(), current.total(), sigmas, limits.maxIncrease(), 0,
          false);
    }
    Quantity now = current.total();
    Quantity sameTests = new Quantity(Math.max(0, now.bytesPerUnit() - suite.addedBytes() + suite.goneBytes()),
        now.samples(), now.spread());
    Check judged = quantity(Kind.TOTAL, "total", baseline.total(), sameTests, sigmas, limits.maxIncrease(), 0, false);
    return new Check(Kind.TOTAL, "total", baseline.total().bytesPerUnit(), now.bytesPerUnit(), judged.noise(),
        judged.verdict(), true, suite.describe() + " left out: " + judged.why());
  }

  /**
   * The tests new to the baseline and those no longer run, with what they allocated per run: taken out of a per-run
   * total, and a reason a test may have moved.
   */
  private record SuiteChange(int added, double addedBytes, int gone, double goneBytes) {

    static SuiteChange of(Baseline baseline, Baseline current) {
      int added = 0;
      double addedBytes = 0;
      for (Map.Entry<String, Baseline.TestRuns> test : current.tests().entrySet()) {
        if (!baseline.tests().containsKey(test.getKey())) {
          added++;
          addedBytes += test.getValue().bytesPerRun();
        }
      }
      int gone = 0;
      double goneBytes = 0;
      for (Map.Entry<String, Baseline.TestRuns> test : baseline.tests().entrySet()) {
        if (!current.tests().containsKey(test.getKey())) {
          gone++;
          goneBytes += test.getValue().bytesPerRun();
        }
      }
      return new SuiteChange(added, addedBytes, gone, goneBytes);
    }

    boolean isNone() {
      return added == 0 && gone == 0;
    }

    /** {@code 19.3 MB in 1 test new to the baseline, 2.0 MB in 1 test no longer run}. */
    String describe() {
      List<String> parts = new ArrayList<>();
      if (added > 0) {
        parts.add(String.format(Locale.ROOT, "%s in %d test%s new to the baseline", Units.bytes(addedBytes), added,
            added == 1 ? "" : "s"));
      }
      if (gone > 0) {
        parts.add(String.format(Locale.ROOT, "%s in %d test%s no longer run", Units.bytes(goneBytes), gone,
            gone == 1 ? "" : "s"));
      }
      return String.join(", ", parts);
    }
  }

  private static List<Check> testChecks(Baseline baseline, Baseline current, SuiteChange suite, double sigmas,
      Limits limits) {
    double minBytes = limits.minTestBytes(baseline);
    List<Check> checks = new ArrayList<>();
    for (Map.Entry<String, Baseline.TestRuns> test : current.tests().entrySet()) {
      Baseline.TestRuns before = baseline.tests().get(test.getKey());
      double now = test.getValue().bytesPerRun();
      checks.add(before == null
          ? new Check(Kind.TEST, test.getKey(), 0, now, 0, Verdict.WITHIN, false,
              "new to the baseline: not compared, and left out of the total")
          : quantity(Kind.TEST, test.getKey(), before.asQuantity(), test.getValue().asQuantity(), sigmas,
              limits.maxIncrease(), minBytes, false));
    }
    for (Map.Entry<String, Baseline.TestRuns> test : baseline.tests().entrySet()) {
      if (!current.tests().containsKey(test.getKey())) {
        checks.add(new Check(Kind.TEST, test.getKey(), test.getValue().bytesPerRun(), 0, 0, Verdict.GONE, true,
            "did not run (removed, renamed, disabled or failed before it began)"));
      }
    }
    int changedTests = suite.added() + suite.gone();
    if (changedTests > 0) {
      // Measured: a test 33% lighter once a new, heavier test ran before it and warmed the JIT for their code.
      checks.replaceAll(check -> !check.fails() ? check : check.with(check.verdict(), changedTests + " test"
          + (changedTests == 1 ? "" : "s") + " came or went since the baseline, which changes how warm the JIT is"
          + " when this one runs: if its code did not change, remake the baseline"));
    }
    checks.sort(Comparator.comparing(Check::fails).reversed()
        .thenComparing(Comparator.comparingDouble(Check::rise).reversed()));
    return checks;
  }

  private static Check quantity(Kind kind, String name, Quantity before, Quantity now, double sigmas,
      double maxIncrease, double minBytes, boolean newSite) {
    double rise = now.bytesPerUnit() - before.bytesPerUnit();
    double noise = sigmas * switch (kind) {
      case TOTAL -> Math.hypot(relativeError(before, TOTAL_ERROR), relativeError(now, TOTAL_ERROR));
      case TEST -> Math.hypot(relativeError(before, TEST_ERROR), relativeError(now, TEST_ERROR));
      default -> Math.hypot(before.standardError(), now.standardError());
    };
    String per = kind == Kind.TEST ? "per run" : "per unit";
    double limit = before.bytesPerUnit() * maxIncrease;
    Verdict verdict;
    String why;
    if (!newSite && now.bytesPerUnit() == 0 && now.samples() == 0 && kind == Kind.SITE) {
      verdict = Verdict.GONE;
      why = "no longer allocates (or moved out of the site list)";
    } else if (rise > limit && rise > noise && rise >= minBytes) {
      verdict = newSite ? Verdict.NEW : Verdict.REGRESSED;
      why = newSite
          ? String.format(Locale.ROOT, "new: at most %s per unit before (the baseline's site floor), %s now",
              Units.bytes(before.bytesPerUnit()), Units.bytes(now.bytesPerUnit()))
          : String.format(Locale.ROOT, "%+.1f%%, above the %+.0f%% limit and the noise (%s %s)",
              100 * rise / before.bytesPerUnit(), 100 * maxIncrease, Units.bytes(noise), per);
    } else if (-rise > noise && rise < 0) {
      verdict = Verdict.IMPROVED;
      why = String.format(Locale.ROOT, "%+.1f%%", before.bytesPerUnit() > 0
          ? 100 * rise / before.bytesPerUnit() : 0.0);
    } else {
      verdict = Verdict.WITHIN;
      why = rise <= limit ? String.format(Locale.ROOT, "within the %+.0f%% limit", 100 * maxIncrease)
          : rise <= noise ? "within the noise (" + Units.bytes(noise) + " " + per + ")"
          : "below the minimum rise that fails (" + Units.bytes(minBytes) + " " + per + ")";
    }
    return new Check(kind, name, before.bytesPerUnit(), now.bytesPerUnit(), noise, verdict, !newSite, why);
  }

  /** One standard error of an exact quantity: its runs' spread, or {@code floor} of it when they showed less. */
  private static double relativeError(Quantity exact, double floor) {
    return exact.bytesPerUnit() * Math.max(floor, exact.spread() == null ? 0 : exact.spread());
  }

  private static Check shifted(Check site) {
    if (!site.fails()) {
      return site;
    }
    return site.with(Verdict.SHIFTED, "not failing, since the total stayed within its limit: JFR's per-site"
        + " estimates move when other allocations change size");
  }

  private static List<Check> findingChecks(Baseline baseline, Baseline current, Map<String, Finding> findings) {
    List<Check> checks = new ArrayList<>();
    for (Map.Entry<String, Severity> finding : current.findings().entrySet()) {
      Severity before = baseline.findings().get(finding.getKey());
      Severity now = finding.getValue();
      boolean fails = now.compareTo(Severity.WARNING) >= 0
          && (before == null || before.compareTo(Severity.WARNING) < 0);
      Finding detail = findings.get(finding.getKey());
      String summary = detail == null || detail.summary() == null ? "" : ": " + detail.summary();
      if (fails) {
        checks.add(new Check(Kind.FINDING, finding.getKey(), before == null ? -1 : before.ordinal(), now.ordinal(), 0,
            Verdict.NEW, before != null, (before == null ? "new " : "was " + before.jsonName() + ", now ")
            + now.jsonName() + summary));
      } else if (before == null) {
        checks.add(new Check(Kind.FINDING, finding.getKey(), -1, now.ordinal(), 0, Verdict.WITHIN, false,
            "new " + now.jsonName() + " (below warning)" + summary));
      }
    }
    for (Map.Entry<String, Severity> finding : baseline.findings().entrySet()) {
      if (!current.findings().containsKey(finding.getKey())) {
        checks.add(new Check(Kind.FINDING, finding.getKey(), finding.getValue().ordinal(), -1, 0, Verdict.GONE, true,
            "fixed or no longer found"));
      }
    }
    checks.sort(Comparator.comparing(Check::fails).reversed());
    return checks;
  }

  /**
   * Sites whose line moved: a current site absent from the baseline, whose id without its line number matches
   * exactly one baseline site that is itself absent now. An edit above a hot line should not read as a new site.
   */
  private static Map<String, String> matchMovedSites(Baseline baseline, Baseline current) {
    Map<String, List<String>> goneByShape = new HashMap<>();
    for (String id : baseline.sites().keySet()) {
      if (!current.sites().containsKey(id)) {
        goneByShape.computeIfAbsent(withoutLine(id), k -> new ArrayList<>()).add(id);
      }
    }
    Map<String, List<String>> newByShape = new HashMap<>();
    for (String id : current.sites().keySet()) {
      if (!baseline.sites().containsKey(id)) {
        newByShape.computeIfAbsent(withoutLine(id), k -> new ArrayList<>()).add(id);
      }
    }
    Map<String, String> matched = new HashMap<>();
    newByShape.forEach((shape, ids) -> {
      List<String> gone = goneByShape.get(shape);
      if (ids.size() == 1 && gone != null && gone.size() == 1) {
        matched.put(ids.get(0), gone.get(0));
      }
    });
    return matched;
  }

  private static String withoutLine(String siteId) {
    return LINE.matcher(siteId).replaceFirst(")");
  }
}
