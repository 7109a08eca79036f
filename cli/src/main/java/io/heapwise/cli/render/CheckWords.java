// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.gate.Comparison;
import io.heapwise.analyzer.gate.Comparison.Check;
import io.heapwise.analyzer.gate.Comparison.Kind;
import io.heapwise.analyzer.gate.Comparison.Verdict;
import io.heapwise.analyzer.report.Units;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The words every comparison format uses for one check, so that a CI log, a PR comment and a report agree. */
final class CheckWords {

  private CheckWords() {
  }

  /** {@code total allocation}, the site id, {@code test com.acme.OrderTest.totals()}, or {@code finding ...}. */
  static String title(Check check) {
    return switch (check.kind()) {
      case TOTAL -> "total allocation";
      case SITE -> check.name();
      case TEST -> "test " + check.name();
      case FINDING -> "finding " + check.name();
    };
  }

  /** The numbers and the reason: {@code 10.0 KB -> 12.5 KB per unit (+2.5 KB): +25.0%, above ...}. */
  static String detail(Check check) {
    return check.kind() == Kind.FINDING ? check.why() : perUnit(check) + ": " + check.why();
  }

  /** {@code 10.0 KB -> 12.5 KB per unit (+2.5 KB)}; for a finding, its reason alone. */
  static String perUnit(Check check) {
    if (check.kind() == Kind.FINDING) {
      return check.why();
    }
    String per = check.kind() == Kind.TEST ? "per run" : "per unit";
    return String.format(Locale.ROOT, "%s -> %s %s (%s%s)", Units.bytes(check.baseline()),
        Units.bytes(check.current()), per, check.rise() >= 0 ? "+" : "-", Units.bytes(Math.abs(check.rise())));
  }

  /**
   * What became of {@code checks} in one line, for a gate that passed or the checks under its failures:
   * {@code 30 sites within the limits, 2 improved, 1 gone; 12 tests within the limits, 1 new; 1 finding fixed}.
   */
  static String tally(List<Check> checks) {
    StringBuilder line = new StringBuilder();
    long sites = count(checks, Kind.SITE, Verdict.WITHIN);
    long improved = count(checks, Kind.SITE, Verdict.IMPROVED);
    long gone = count(checks, Kind.SITE, Verdict.GONE);
    long shifted = count(checks, Kind.SITE, Verdict.SHIFTED);
    if (sites + improved + gone + shifted > 0) {
      line.append(sites).append(sites == 1 ? " site" : " sites").append(" within the limits");
      append(line, ", ", improved, " improved");
      append(line, ", ", gone, " gone");
      append(line, ", ", shifted, (shifted == 1 ? " site" : " sites")
          + " rose while the total did not (JFR's attribution moved; see heapwise diff)");
    }
    long tests = checks.stream().filter(c -> c.kind() == Kind.TEST && c.listed() && !c.fails()
        && c.verdict() != Verdict.GONE).count();
    long newTests = checks.stream().filter(c -> c.kind() == Kind.TEST && !c.listed()).count();
    long testsGone = count(checks, Kind.TEST, Verdict.GONE);
    if (tests + newTests + testsGone > 0) {
      line.append(line.length() == 0 ? "" : "; ").append(tests).append(tests == 1 ? " test" : " tests")
          .append(" within the limits");
      append(line, ", ", newTests, " new");
      append(line, ", ", testsGone, " no longer run");
    }
    long fixed = count(checks, Kind.FINDING, Verdict.GONE);
    append(line, "; ", fixed, fixed == 1 ? " finding fixed" : " findings fixed");
    long minor = checks.stream().filter(c -> c.kind() == Kind.FINDING && c.verdict() == Verdict.WITHIN
        && c.current() < Severity.WARNING.ordinal()).count();
    append(line, "; ", minor, minor == 1 ? " new info finding" : " new info findings");
    return line.toString();
  }

  /** The checks of one kind, the largest change (up or down) first: what a diff lists. */
  static List<Check> largestChangeFirst(Comparison comparison, Kind kind) {
    return comparison.checks().stream().filter(c -> c.kind() == kind)
        .sorted(Comparator.comparingDouble((Check c) -> Math.abs(c.rise())).reversed()).toList();
  }

  private static long count(List<Check> checks, Kind kind, Verdict verdict) {
    return checks.stream().filter(c -> c.kind() == kind && c.verdict() == verdict).count();
  }

  private static void append(StringBuilder line, String separator, long n, String what) {
    if (n > 0) {
      line.append(line.length() == 0 ? "" : separator).append(n).append(what);
    }
  }

  /** {@code +12.5%}, {@code new}, {@code gone}. */
  static String change(Check check) {
    if (check.verdict() == Verdict.GONE) {
      return "gone";
    }
    if (!check.listed() || check.baseline() <= 0) {
      return "new";
    }
    return String.format(Locale.ROOT, "%+.1f%%", 100 * check.change());
  }

  /** Bytes per unit before, or {@code -} where the baseline did not list the site (it was under the floor). */
  static String before(Check check) {
    return check.listed() ? Units.bytes(check.baseline()) : "-";
  }

  static String after(Check check) {
    return check.verdict() == Verdict.GONE && check.current() == 0 ? "-" : Units.bytes(check.current());
  }
}
