// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import io.heapwise.analyzer.gate.Comparison;
import io.heapwise.analyzer.gate.Comparison.Check;
import io.heapwise.analyzer.gate.Comparison.Kind;
import io.heapwise.analyzer.gate.Comparison.Verdict;
import io.heapwise.analyzer.report.Units;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * A comparison for a terminal or a CI log: for a gate, the verdict first and then each failing check with why, the
 * worst first; for a diff, a table of what moved.
 */
final class ComparisonText implements ComparisonRenderer {

  /** A diff lists this many sites, the largest changes; the rest are counted. */
  private static final int DIFF_ROWS = 30;

  private final Ansi ansi;

  ComparisonText(boolean colour) {
    this.ansi = new Ansi(colour);
  }

  @Override
  public void render(Comparison comparison, String source, boolean verdict, Writer writer) throws IOException {
    PrintWriter out = new PrintWriter(writer);
    if (verdict) {
      gate(comparison, source, out);
    } else {
      diff(comparison, source, out);
    }
    out.flush();
    if (out.checkError()) {
      throw new IOException("the output could not be written");
    }
  }

  private void gate(Comparison comparison, String source, PrintWriter out) {
    List<Check> failures = comparison.failures();
    String header = failures.isEmpty()
        ? ansi.bold("heapwise gate: passed")
        : ansi.red("heapwise gate: FAILED") + ansi.bold(String.format(Locale.ROOT, ": %d of %d checks",
            failures.size(), comparison.checks().size()));
    out.println(header + " against " + source + " (" + recordings(comparison.baseline().recordings().size())
        + "), " + comparison.baseline().unit().describe());
    out.println(String.format(Locale.ROOT, "  fails on   a rise above %+.0f%% that is beyond the noise (%.1f standard "
        + "errors, for %d quantities together)", 100 * comparison.limits().maxIncrease(), comparison.sigmas(),
        comparison.checks().stream().filter(c -> c.kind() != Kind.FINDING).count()));
    double minBytes = comparison.limits().minBytes(comparison.baseline());
    boolean tests = comparison.checks().stream().anyMatch(c -> c.kind() == Kind.TEST);
    out.println("             and, for a site, at least " + Units.bytes(minBytes) + " per unit"
        + (tests ? "; for a test, " + Units.bytes(comparison.limits().minTestBytes(comparison.baseline()))
        + " per run" : "") + "; or a new finding of severity warning or worse");
    out.println();
    for (Check check : failures) {
      out.println("  " + ansi.red("FAIL") + "  " + CheckWords.title(check));
      out.println("        " + CheckWords.detail(check));
    }
    if (!failures.isEmpty()) {
      out.println();
    }
    out.println("  " + passed(comparison));
  }

  private void diff(Comparison comparison, String source, PrintWriter out) {
    out.println(ansi.bold("heapwise diff") + ": " + source + ", " + comparison.baseline().unit().describe());
    Check total = comparison.checks().get(0);
    out.println(String.format(Locale.ROOT, "  total      %s -> %s per unit (%s)", Units.bytes(total.baseline()),
        Units.bytes(total.current()), CheckWords.change(total)));
    out.println();
    changes(comparison, Kind.SITE, "site", "sites", out);
    changes(comparison, Kind.TEST, "test (per run)", "tests", out);
    List<Check> findings = comparison.checks().stream().filter(c -> c.kind() == Kind.FINDING).toList();
    if (!findings.isEmpty()) {
      for (Check finding : findings) {
        out.println("  " + (finding.verdict() == Verdict.GONE ? "- " : "+ ") + finding.name() + ": " + finding.why());
      }
    }
  }

  /** The checks of one kind, the largest change first; nothing when there are none. */
  private static void changes(Comparison comparison, Kind kind, String heading, String what, PrintWriter out) {
    List<Check> checks = CheckWords.largestChangeFirst(comparison, kind);
    if (checks.isEmpty()) {
      return;
    }
    out.println(String.format(Locale.ROOT, "  %10s %11s %11s  %s", "change", "before", "after", heading));
    for (Check check : checks.subList(0, Math.min(DIFF_ROWS, checks.size()))) {
      out.println(String.format(Locale.ROOT, "  %10s %11s %11s  %s", CheckWords.change(check),
          CheckWords.before(check), CheckWords.after(check), check.name()));
    }
    if (checks.size() > DIFF_ROWS) {
      out.println(String.format(Locale.ROOT, "  and %d more %s with smaller changes", checks.size() - DIFF_ROWS, what));
    }
    out.println();
  }

  private static String passed(Comparison comparison) {
    Check total = comparison.checks().get(0);
    List<Check> others = comparison.checks().subList(1, comparison.checks().size());
    return (total.fails() ? "" : "total " + CheckWords.change(total) + " (" + total.why() + "); ")
        + CheckWords.tally(others);
  }

  private static String recordings(int n) {
    return n == 1 ? "1 recording" : n + " recordings";
  }
}
