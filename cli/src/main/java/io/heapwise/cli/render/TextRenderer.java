// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.report.GcSummary;
import io.heapwise.analyzer.report.InstrumentationSummary;
import io.heapwise.analyzer.report.LifetimeSummary;
import io.heapwise.analyzer.report.RecordingInfo;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportDigest;
import io.heapwise.analyzer.report.SiteSummary;
import io.heapwise.analyzer.report.Units;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report for a busy engineer at a terminal, in reading order: where the data came from, how hard the GC
 * worked, which sites allocate, and what to change.
 */
public final class TextRenderer implements Renderer {

  private static final String INDENT = "  ";
  private static final int LABEL_WIDTH = 13;
  private static final List<String> SITE_COLUMNS =
      List.of("#", "bytes", "share", "MB/s", "samples", "allocated type", "site", "mechanism");
  /** Numbers are right-aligned so magnitudes line up; names stay left-aligned. */
  private static final int FIRST_TEXT_COLUMN = 5;

  /** The longest lifetime bar: a share of 100%. */
  private static final int LIFETIME_BAR_WIDTH = 20;
  /** How the report keys GC-cycle buckets (lower bounds), and how people read them. */
  private static final Map<String, String> GC_CYCLE_LABELS = Map.of("4", "4-7", "8", "8-15", "16", "16+");

  private static final String MEASURED_BY = "measuredBy";
  /** Longer evidence texts (stacks, layouts) would bury the numbers; JSON has them. */
  private static final int SHORT_EVIDENCE_TEXT = 60;

  private final Ansi ansi;

  public TextRenderer(boolean colour) {
    this.ansi = new Ansi(colour);
  }

  @Override
  public void render(Report report, Writer writer) throws IOException {
    PrintWriter out = new PrintWriter(writer);
    header(out, report.recording());
    gc(out, report.gc());
    sites(out, report.sites());
    lifetimes(out, report.sites());
    findings(out, report.findings());
    undecided(out, report.undecided());
    out.flush();
    if (out.checkError()) {
      throw new IOException("could not write the report");
    }
  }

  /**
   * One frame of the live view: a status line, the GC summary, the top sites and one line per finding; the
   * caller clears the screen between frames.
   */
  public void renderLive(Report report, String status, Writer writer) throws IOException {
    PrintWriter out = new PrintWriter(writer);
    out.println(ansi.bold("Heapwise live") + "  " + status);
    out.println();
    gc(out, report.gc());
    sites(out, report.sites());
    out.println(ansi.bold("Findings so far" + (report.findings().isEmpty() ? "" : " (" + report.findings().size()
        + ")")));
    if (report.findings().isEmpty()) {
      out.println(INDENT + "None yet.");
    }
    for (Finding f : report.findings()) {
      out.println(INDENT + severity(f.severity()) + "  " + ReportDigest.withoutSeverity(f));
    }
    out.flush();
    if (out.checkError()) {
      throw new IOException("could not write the live view");
    }
  }

  private void header(PrintWriter out, RecordingInfo rec) {
    out.println(ansi.bold("Heapwise report"));
    if (rec == null) {
      return;
    }
    field(out, "files", String.join(", ", rec.files()));
    field(out, "JDK", (rec.jdk() == null ? "unknown" : rec.jdk())
        + (rec.agentVersion() == null ? "" : ", recorded by the Heapwise agent " + rec.agentVersion()));
    field(out, "app frames", rec.applicationPackages().isEmpty()
        ? "every frame outside the JDK (narrow with --app-package)"
        : String.join(", ", rec.applicationPackages()));
    field(out, "duration", String.format(Locale.ROOT, "%.1f s, %s events read",
        rec.durationSeconds(), Units.count(rec.eventsRead())));
    field(out, "allocations", rec.allocationSource() == null
        ? "none recorded (enable jdk.ObjectAllocationSample, or record with heapwise record)"
        : rec.allocationSource() + ", " + Units.count(rec.allocationSamples()) + " samples");
    if (rec.instrumentation() != null) {
      field(out, "instrumented", instrumentation(rec.instrumentation()));
    }
    for (String note : rec.notes()) {
      field(out, "note", note);
    }
    for (String problem : rec.problems()) {
      field(out, ansi.yellow("problem"), problem);
    }
    out.println();
  }

  private void gc(PrintWriter out, GcSummary gc) {
    out.println(ansi.bold("Garbage collection"));
    if (gc == null) {
      field(out, "", "no GC events in the recording");
      out.println();
      return;
    }
    field(out, "collectors", gc.collectors().isEmpty() ? "unknown" : String.join(", ", gc.collectors()));
    field(out, "collections", String.format(Locale.ROOT, "%s (%s per minute)",
        Units.count(gc.collections()), Units.decimal(gc.collectionsPerMinute(), 1)));
    field(out, "pauses", "total " + Units.ms(gc.pauseTotalMs()) + ", max " + Units.ms(gc.pauseMaxMs())
        + ", p99 " + Units.ms(gc.pauseP99Ms()));
    field(out, "GC share", Units.percent(gc.gcShareOfWallTime()) + " of wall time");
    if (gc.heapUsedAfterGcAvgBytes() >= 0) {
      field(out, "heap used", Units.bytes(gc.heapUsedBeforeGcAvgBytes()) + " before GC -> "
          + Units.bytes(gc.heapUsedAfterGcAvgBytes()) + " after (averages); max after GC "
          + Units.bytes(gc.heapUsedAfterGcMaxBytes())
          + (gc.heapCommittedMaxBytes() >= 0 ? ", committed " + Units.bytes(gc.heapCommittedMaxBytes()) : ""));
    }
    field(out, "allocated", Units.bytes(gc.allocatedBytes()) + " at "
        + Units.mbPerSecond(gc.allocationBytesPerSecond()) + " MB/s");
    out.println();
  }

  private void sites(PrintWriter out, List<SiteSummary> sites) {
    out.println(ansi.bold("Top allocation sites"));
    if (sites.isEmpty()) {
      out.println(INDENT + "No allocation samples.");
      out.println();
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(SITE_COLUMNS);
    int rank = 1;
    for (SiteSummary site : sites) {
      rows.add(List.of(
          String.valueOf(rank++),
          Units.bytes(site.bytes()),
          Units.percent(site.share()),
          Units.mbPerSecond(site.bytesPerSecond()),
          Units.count(site.samples()),
          String.valueOf(site.allocatedType()),
          site.location(),
          site.mechanism() == null ? "" : site.mechanism()));
    }
    int[] widths = new int[SITE_COLUMNS.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      String line = tableLine(rows.get(r), widths);
      out.println(INDENT + (r == 0 ? ansi.dim(line) : line));
    }
    out.println();
  }

  /** "com.acme (1 in 256 allocations sampled), 42 classes (1 skipped), 310 sites; 9 samples dropped". */
  private String instrumentation(InstrumentationSummary stats) {
    String include = stats.include().isEmpty() ? "no packages" : String.join(", ", stats.include());
    String sampling = stats.sampleInterval() <= 1 ? "every allocation sampled"
        : "1 in " + Units.count(stats.sampleInterval()) + " allocations sampled";
    String dropped = stats.droppedTotal() == 0 ? "no samples dropped"
        : ansi.yellow(Units.count(stats.droppedTotal()) + " samples dropped") + " (more than "
            + Units.count(stats.maxTracked()) + " objects in flight)";
    return include + " (" + sampling + (stats.exactCounts() ? ", exact counts" : "") + "), "
        + Units.count(stats.classesInstrumented()) + " classes"
        + (stats.classesSkipped() > 0 ? " (" + Units.count(stats.classesSkipped()) + " skipped)" : "")
        + ", " + Units.count(stats.sites()) + " sites; " + dropped;
  }

  /**
   * For the top sites the agent measured, numbered as in the sites table: the GC cycles their objects survived
   * as bars, and their age. The numbers behind the bars are in the JSON report.
   */
  private void lifetimes(PrintWriter out, List<SiteSummary> sites) {
    if (sites.stream().noneMatch(site -> site.lifetime() != null)) {
      return;
    }
    out.println(ansi.bold("Measured lifetimes") + ansi.dim(" (Heapwise agent: sampled objects followed until"
        + " they die)"));
    for (int i = 0; i < sites.size(); i++) {
      SiteSummary site = sites.get(i);
      LifetimeSummary life = site.lifetime();
      if (life == null) {
        continue;
      }
      out.println(INDENT + String.format(Locale.ROOT, "%-4s", "#" + (i + 1)) + site.allocatedType() + " at "
          + site.location());
      String prefix = INDENT + "    " + String.format(Locale.ROOT, "%-14s", "GCs survived");
      out.println(prefix + gcCycleBars(life));
      String age = life.died() == 0 ? "no object seen dead"
          : "median " + age(life.medianAgeMillis()) + ", p90 " + age(life.p90AgeMillis());
      out.println(INDENT + "    " + String.format(Locale.ROOT, "%-14s", "age") + age + "; "
          + Units.count(life.tracked()) + " objects tracked, 1 in " + Units.count(life.sampleInterval())
          + " sampled" + (life.dropped() > 0 ? ", " + Units.count(life.dropped()) + " dropped" : ""));
    }
    out.println();
  }

  /** "0 ################## 90%  1 # 4%  16+ . 2%  alive at end . 4%": only the buckets that hold objects. */
  private static String gcCycleBars(LifetimeSummary life) {
    List<String> parts = new ArrayList<>();
    life.gcCycles().forEach((bucket, count) -> {
      if (count > 0) {
        parts.add(GC_CYCLE_LABELS.getOrDefault(bucket, bucket) + " " + bar(count, life.tracked()));
      }
    });
    if (life.aliveAtEnd() > 0) {
      parts.add("alive at end " + bar(life.aliveAtEnd(), life.tracked()));
    }
    return parts.isEmpty() ? "none resolved yet" : String.join("  ", parts);
  }

  /** A bar of {@code #} proportional to the share, a dot when too small to draw, then the share. */
  private static String bar(long count, long total) {
    double share = total > 0 ? (double) count / total : 0;
    int width = (int) Math.round(share * LIFETIME_BAR_WIDTH);
    return (width == 0 ? "." : "#".repeat(width)) + " " + Units.percent(share);
  }

  /** The agent's last age bucket has no upper bound: its lower bound, 60 s, is a minimum. */
  private static String age(double millis) {
    if (millis >= 60_000) {
      return "over 60 s";
    }
    return millis >= 1_000 ? Units.decimal(millis / 1_000, 1) + " s" : Units.ms(millis);
  }

  private static String tableLine(List<String> row, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String cell = row.get(i);
      if (i > 0) {
        line.append("  ");
      }
      boolean last = i == widths.length - 1;
      if (i < FIRST_TEXT_COLUMN) {
        line.append(" ".repeat(widths[i] - cell.length())).append(cell);
      } else {
        line.append(cell);
        if (!last) {
          line.append(" ".repeat(widths[i] - cell.length()));
        }
      }
    }
    return line.toString().stripTrailing();
  }

  private void findings(PrintWriter out, List<Finding> findings) {
    out.println(ansi.bold("Findings" + (findings.isEmpty() ? "" : " (" + findings.size() + ")")));
    if (findings.isEmpty()) {
      out.println(INDENT + "No findings.");
      return;
    }
    for (Finding f : findings) {
      out.println();
      if (f.kind() == FindingKind.ESCAPE_CANDIDATE) {
        escapeFinding(out, f);
        continue;
      }
      out.println(INDENT + severity(f.severity()) + "  " + ansi.bold(f.id()));
      if (f.summary() != null) {
        out.println(INDENT + INDENT + indentContinuation(f.summary(), INDENT + INDENT));
      }
      if (f.recommendation() != null) {
        findingField(out, "do this", f.recommendation());
      }
      if (f.estimatedSaving() != null) {
        findingField(out, "saves", Units.mbPerSecond(f.estimatedSaving().bytesPerSecond()) + " MB/s ("
            + Units.percent(f.estimatedSaving().shareOfAllocation()) + " of allocation)");
      }
      String evidence = compactEvidence(f.evidence());
      if (!evidence.isEmpty()) {
        findingField(out, "evidence", evidence);
      }
      Object measuredBy = f.evidence().get(MEASURED_BY);
      if (measuredBy != null) {
        findingField(out, "measured by", String.valueOf(measuredBy));
      }
      if (f.confidence() != null) {
        findingField(out, "confidence", f.confidence().jsonName()
            + (f.confidenceNote() == null ? "" : ": " + f.confidenceNote()));
      }
    }
    out.println();
    out.println(INDENT + ansi.dim("Every finding's full evidence (lists, layouts, per-type shares) is in --format json."));
  }

  /**
   * An escape finding in five lines, which is all a developer needs to act on it: what it saves, what and where and
   * why (the summary holds C2's reason with its evidence), the change, the numbers, and how sure it is. What the
   * numbers were measured with is in the summary's own words; the JSON report has the calls on the path.
   */
  private void escapeFinding(PrintWriter out, Finding f) {
    out.println(INDENT + severity(f.severity()) + "  " + ansi.bold(f.id()) + (f.estimatedSaving() == null ? ""
        : "  saves " + Units.mbPerSecond(f.estimatedSaving().bytesPerSecond()) + " MB/s ("
        + Units.percent(f.estimatedSaving().shareOfAllocation()) + " of allocation after warm-up)"));
    out.println(INDENT + INDENT + indentContinuation(f.summary(), INDENT + INDENT));
    findingField(out, "do this", f.recommendation());
    findingField(out, "evidence", compactEvidence(f.evidence()));
    findingField(out, "confidence", f.confidence().jsonName()
        + (f.confidenceNote() == null ? "" : ": " + f.confidenceNote()));
  }

  /**
   * The measured numbers and short facts on one line; lists, maps and long texts stay in the JSON report, where
   * they can be read whole.
   */
  private static String compactEvidence(Map<String, Object> evidence) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Object> e : evidence.entrySet()) {
      Object value = e.getValue();
      boolean shortText = value instanceof String text && text.length() <= SHORT_EVIDENCE_TEXT;
      if (!e.getKey().equals(MEASURED_BY) && (value instanceof Number || value instanceof Boolean || shortText)) {
        parts.add(e.getKey() + "=" + Units.evidence(value));
      }
    }
    return String.join(", ", parts);
  }

  /** What the detectors could not check: missing data is not good news, so the reader learns what to add. */
  private void undecided(PrintWriter out, List<String> undecided) {
    if (undecided.isEmpty()) {
      return;
    }
    out.println();
    out.println(ansi.bold("Not checked"));
    for (String line : undecided) {
      out.println(INDENT + indentContinuation(line, INDENT));
    }
  }

  private String severity(Severity severity) {
    String label = String.format(Locale.ROOT, "%-8s", severity == null ? "?" : severity.name());
    if (severity == Severity.CRITICAL) {
      return ansi.red(label);
    }
    return severity == Severity.WARNING ? ansi.yellow(label) : ansi.cyan(label);
  }

  private static void findingField(PrintWriter out, String label, String value) {
    String prefix = INDENT + INDENT + String.format(Locale.ROOT, "%-12s", label);
    out.println(prefix + indentContinuation(value, " ".repeat(prefix.length())));
  }

  private static void field(PrintWriter out, String label, String value) {
    String prefix = INDENT + label + " ".repeat(Math.max(1, LABEL_WIDTH - Ansi.visibleLength(label)));
    out.println(prefix + indentContinuation(value, " ".repeat(INDENT.length() + LABEL_WIDTH)));
  }

  /** Recommendations may hold code on several lines; keep them under their label. */
  private static String indentContinuation(String text, String indent) {
    return text.strip().replaceAll("\\R", System.lineSeparator() + indent);
  }
}
