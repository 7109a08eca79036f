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
 * A comparison as GitHub-flavoured markdown, for {@code $GITHUB_STEP_SUMMARY} and pull-request comments: for a
 * gate, the verdict as a heading, a table of the failing checks and the others folded away; for a diff, a table of
 * what moved, the largest change first.
 */
final class ComparisonMarkdown implements ComparisonRenderer {

  /**
   * Rows in a table before the rest are only counted: a pull-request comment holds at most 65,536 characters, and
   * a table of hundreds of sites hides what matters.
   */
  private static final int MAX_ROWS = 100;
  private static final String CHECK_HEADER = "| Check | Before (per unit) | After | Change | Why |\n"
      + "| --- | ---: | ---: | ---: | --- |";

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

  private static void gate(Comparison comparison, String source, PrintWriter out) {
    List<Check> failures = comparison.failures();
    List<Check> others = comparison.checks().stream().filter(check -> !check.fails()).toList();
    out.println(failures.isEmpty()
        ? "### :white_check_mark: heapwise gate passed"
        : String.format(Locale.ROOT, "### :x: heapwise gate failed: %d of %d checks", failures.size(),
            comparison.checks().size()));
    out.println();
    int recordings = comparison.baseline().recordings().size();
    out.println(String.format(Locale.ROOT, "Against %s (%d recording%s), %s. A check fails on a rise above %+.0f%% "
        + "that is beyond the noise (%.1f standard errors, for %d quantities together) and, for a site, of at "
        + "least %s per unit; or on a new finding of severity warning or worse.", escape(source), recordings,
        recordings == 1 ? "" : "s", escape(comparison.baseline().unit().describe()),
        100 * comparison.limits().maxIncrease(), comparison.sigmas(),
        comparison.checks().stream().filter(c -> c.kind() != Kind.FINDING).count(),
        Units.bytes(comparison.limits().minBytes(comparison.baseline()))));
    out.println();
    if (!failures.isEmpty()) {
      checkTable(failures, out);
      out.println();
    }
    if (!others.isEmpty()) {
      // A blank line after <summary> lets GitHub render the table inside <details> as markdown.
      out.println("<details>");
      Check total = comparison.checks().get(0);
      String tally = (total.fails() ? "" : "total " + CheckWords.change(total) + "; ") + CheckWords.tally(others);
      out.println("<summary>" + (failures.isEmpty() ? "" : "The other ") + others.size() + " check"
          + (others.size() == 1 ? "" : "s") + ": " + escape(tally) + "</summary>");
      out.println();
      checkTable(others, out);
      out.println();
      out.println("</details>");
    }
  }

  private static void diff(Comparison comparison, String source, PrintWriter out) {
    out.println("### heapwise diff: " + escape(source));
    out.println();
    Check total = comparison.checks().get(0);
    out.println(String.format(Locale.ROOT, "Total allocation %s: %s -> %s (%s).",
        escape(comparison.baseline().unit().describe()), Units.bytes(total.baseline()), Units.bytes(total.current()),
        CheckWords.change(total)));
    out.println();
    changes(comparison, Kind.SITE, "| Change | Before (per unit) | After | Site |", "sites", out);
    changes(comparison, Kind.TEST, "| Change | Before (per run) | After | Test |", "tests", out);
    List<Check> findings = comparison.checks().stream().filter(c -> c.kind() == Kind.FINDING).toList();
    if (!findings.isEmpty()) {
      out.println("**Findings**");
      out.println();
      for (Check finding : findings) {
        out.println("- " + (finding.verdict() == Verdict.GONE ? "gone: " : "new: ") + escape(finding.name()) + ": "
            + escape(finding.why()));
      }
    }
  }

  /** The checks of one kind, the largest change first, as a table; nothing when there are none. */
  private static void changes(Comparison comparison, Kind kind, String header, String what, PrintWriter out) {
    List<Check> checks = CheckWords.largestChangeFirst(comparison, kind);
    if (checks.isEmpty()) {
      return;
    }
    out.println(header);
    out.println("| ---: | ---: | ---: | --- |");
    for (Check check : checks.subList(0, Math.min(MAX_ROWS, checks.size()))) {
      out.println("| " + CheckWords.change(check) + " | " + CheckWords.before(check) + " | " + CheckWords.after(check)
          + " | " + escape(check.name()) + " |");
    }
    more(checks.size(), what + " with smaller changes", out);
    out.println();
  }

  private static void checkTable(List<Check> checks, PrintWriter out) {
    out.println(CHECK_HEADER);
    for (Check check : checks.subList(0, Math.min(MAX_ROWS, checks.size()))) {
      boolean bytes = check.kind() != Kind.FINDING;
      out.println("| " + escape(CheckWords.title(check)) + " | " + (bytes ? CheckWords.before(check) : "")
          + " | " + (bytes ? CheckWords.after(check) : "") + " | " + (bytes ? CheckWords.change(check) : "")
          + " | " + escape(check.why()) + " |");
    }
    more(checks.size(), "checks", out);
  }

  private static void more(int rows, String what, PrintWriter out) {
    if (rows > MAX_ROWS) {
      out.println();
      out.println("_and " + (rows - MAX_ROWS) + " more " + what + "_");
    }
  }

  /**
   * Text that stays text in a table cell: a site id holds {@code <init>}, which GitHub would drop as an HTML
   * tag; {@code lambda$run$0}, whose dollars GitHub would typeset as maths; and {@code []}, backticks or a pipe
   * that would end the cell. Markdown punctuation is escaped with a backslash, HTML's with entities.
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '\\', '`', '*', '_', '[', ']', '|', '$', '~', '#' -> escaped.append('\\').append(c);
        case '\n', '\r', '\t' -> escaped.append(' ');
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
