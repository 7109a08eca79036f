// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import io.heapwise.analyzer.gate.Comparison.Check;
import io.heapwise.analyzer.gate.Comparison.Kind;
import io.heapwise.analyzer.gate.Comparison.Verdict;
import io.heapwise.analyzer.report.Units;
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
