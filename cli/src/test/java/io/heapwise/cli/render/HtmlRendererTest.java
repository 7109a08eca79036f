// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.EstimatedSaving;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.FindingSite;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.model.StackNode;
import io.heapwise.analyzer.model.StackNode.Kind;
import io.heapwise.analyzer.report.GcPause;
import io.heapwise.analyzer.report.GcSummary;
import io.heapwise.analyzer.report.RatePoint;
import io.heapwise.analyzer.report.RecordingInfo;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import io.heapwise.analyzer.report.SiteSummary;
import io.heapwise.analyzer.report.ThreadTotal;
import io.heapwise.analyzer.report.TypeTotal;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML page: self-contained, its data the report's own JSON, a finding's source lines, and no way out of it. */
class HtmlRendererTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REMOTE_LOAD = Pattern.compile(
      "(?i)(?:\\b(?:src|href|action|poster|data)\\s*=\\s*[\"']?\\s*(?:https?:)?//|url\\(\\s*[\"']?\\s*(?:https?:)?//"
          + "|@import)");
  private static final String BOOK_SOURCE = """
      package com.acme;

      import java.util.ArrayList;
      import java.util.List;

      final class Book {
        List<Fill> match(Order order) {
          List<Fill> fills = new ArrayList<>();
          for (Order resting : restingAgainst(order)) {
            fills.add(new Fill(order, resting));
          }
          return fills;
        }
      }
      """;
  /** The line of {@code new ArrayList<>()} in {@link #BOOK_SOURCE}. */
  private static final int BOOK_LINE = 8;

  @TempDir
  Path dir;

  @Test
  void thePageLoadsNothingFromElsewhere() throws Exception {
    String html = render(report("Book allocates"), SourceSnippets.NONE);

    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(REMOTE_LOAD.matcher(html).find()).as("a remote load in the page").isFalse();
    assertThat(html).contains("Content-Security-Policy", "default-src 'none'");
    assertThat(html).doesNotContain("{{", "<link rel=\"stylesheet\"", "<script src");
  }

  @Test
  void theEmbeddedDataIsTheReportsJson() throws Exception {
    Report report = report("Book allocates");
    String html = render(report, SourceSnippets.NONE);

    String embedded = scriptData(html, "report");
    assertThat(JSON.readTree(embedded)).isEqualTo(JSON.readTree(ReportJson.toJson(report)));
    assertThat(ReportJson.read(new StringReader(embedded))).isEqualTo(report);
    assertThat(embedded).as("one line, however deep the tree").doesNotContain("\n");
  }

  @Test
  void aFindingShowsTheLinesAroundItsSiteWhenARootHoldsTheSource() throws Exception {
    Path sources = dir.resolve("src/main/java");
    Files.createDirectories(sources.resolve("com/acme"));
    Files.writeString(sources.resolve("com/acme/Book.java"), BOOK_SOURCE);
    Path notAZip = Files.writeString(dir.resolve("notes.jar"), "not a zip");

    String html = render(report("Book allocates"),
        SourceSnippets.of(List.of(dir.resolve("missing"), notAZip, sources)));

    JsonNode snippets = JSON.readTree(scriptData(html, "snippets"));
    assertThat(snippets).hasSize(2);
    JsonNode book = snippets.get(0);
    assertThat(book.get("path").asText()).endsWith("com/acme/Book.java".replace('/', java.io.File.separatorChar));
    assertThat(book.get("line").asInt()).isEqualTo(BOOK_LINE);
    assertThat(book.get("firstLine").asInt()).isEqualTo(BOOK_LINE - HtmlRenderer.SNIPPET_CONTEXT);
    List<String> lines = new ArrayList<>();
    book.get("lines").forEach(line -> lines.add(line.asText()));
    assertThat(lines).hasSize(2 * HtmlRenderer.SNIPPET_CONTEXT + 1);
    assertThat(lines.get(HtmlRenderer.SNIPPET_CONTEXT)).contains("new ArrayList<>()");
    assertThat(snippets.get(1).isNull()).as("GC_PRESSURE has no site").isTrue();
  }

  @Test
  void noStringFromTheReportCanEndItsScriptBlock() throws Exception {
    String attack = "</script><script>document.title='pwned'</script><!--";
    Path sources = Files.createDirectories(dir.resolve("com/acme"));
    Files.writeString(sources.resolve("Book.java"), BOOK_SOURCE.replace("new ArrayList<>()",
        "new ArrayList<>() /* " + attack + " */"));

    Report report = report(attack);
    String html = render(report, SourceSnippets.of(List.of(dir)));

    // The page's own three scripts, each ended once: the report, the snippets and the code.
    assertThat(count(html, "</script")).isEqualTo(3);
    assertThat(html).doesNotContain("<!--<", attack);
    assertThat(JSON.readTree(scriptData(html, "report"))).isEqualTo(JSON.readTree(ReportJson.toJson(report)));
    assertThat(scriptData(html, "snippets")).contains("\\u003c/script>");
  }

  @Test
  void theResourcesCannotEndTheirOwnElements() throws Exception {
    String html = render(report("Book allocates"), SourceSnippets.NONE);
    String style = html.substring(html.indexOf("<style>"), html.indexOf("</style>"));
    assertThat(count(style, "</")).isZero();
    String code = html.substring(html.lastIndexOf("<script>") + "<script>".length(), html.lastIndexOf("</script>"));
    assertThat(code).startsWith("// SPDX-License-Identifier").contains("'use strict';").doesNotContain("</", "<!--");
    assertThat(code).as("data reaches the page as text, never as markup").doesNotContain("innerHTML",
        "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
  }

  private static String render(Report report, SourceSnippets sources) throws Exception {
    StringWriter out = new StringWriter();
    new HtmlRenderer(sources).render(report, out);
    return out.toString();
  }

  private static String scriptData(String html, String id) {
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"" + id + "\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    assertThat(m.find()).as("script block %s", id).isTrue();
    return m.group(1);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** A small report with every section filled: one site finding with {@code summary}, and the GC summary. */
  static Report report(String summary) {
    long start = 1_767_225_600_000L;
    RecordingInfo recording = new RecordingInfo(List.of("/tmp/app.jfr"), "17.0.15", "0.1.0", List.of("com.acme"), 3,
        12_000, "jdk.ObjectAllocationSample", 600, List.of(), List.of(), null);
    GcSummary gc = new GcSummary(List.of("G1New"), 3, 60, 9, 4, 4, 0.003, 40_000_000, 8_000_000, 9_000_000,
        128_000_000, 300_000_000, 100_000_000);
    FindingSite at = new FindingSite("com.acme.Book", "match", BOOK_LINE, "java.util.ArrayList");
    Finding unsized = new Finding(Finding.idOf(FindingKind.UNSIZED_COLLECTION, at), FindingKind.UNSIZED_COLLECTION,
        Severity.WARNING, at, null, summary, Map.of("suggestedCapacity", 300, "growthShare", 0.61),
        "new ArrayList<>(300)", new EstimatedSaving(60_000_000, 0.6), Confidence.HIGH, "sizes vary");
    Finding pressure = new Finding(Finding.idOf(FindingKind.GC_PRESSURE, FindingSite.RECORDING),
        FindingKind.GC_PRESSURE, Severity.INFO, FindingSite.RECORDING, null, "The collector ran 3 times.", Map.of(),
        "Fix the sites above.", null, Confidence.HIGH, "");
    SiteSummary site = new SiteSummary("java.lang.Object[]", "com.acme.Book", "match", BOOK_LINE, "Book.java",
        "ArrayList.grow", 200_000_000, 0.667, 66_000_000, 400, List.of(), null, null);
    StackNode grow = node(Kind.FRAME, "java.util.ArrayList", "grow", 237, 200_000_000, 400,
        node(Kind.ALLOCATED_TYPE, "java.lang.Object[]", null, -1, 200_000_000, 400));
    StackNode match = node(Kind.FRAME, "com.acme.Book", "match", BOOK_LINE, 250_000_000, 500, grow,
        node(Kind.ALLOCATED_TYPE, "com.acme.Fill", null, -1, 50_000_000, 100));
    StackNode main = node(Kind.FRAME, "com.acme.Main", "main", 12, 300_000_000, 600, match,
        node(Kind.FRAME, "java.lang.String", "format", 4_000, 50_000_000, 100,
            node(Kind.ALLOCATED_TYPE, "byte[]", null, -1, 50_000_000, 100)));
    StackNode root = node(Kind.ROOT, null, null, -1, 300_000_000, 600, main);
    return new Report(Report.SCHEMA, recording, gc, List.of(site),
        List.of(new TypeTotal("java.lang.Object[]", 200_000_000, 0.667)),
        List.of(new ThreadTotal("main", 300_000_000, 1.0, 310_000_000)),
        List.of(new RatePoint(start, 1_000, 90_000_000), new RatePoint(start + 1_000, 1_000, 110_000_000),
            new RatePoint(start + 2_000, 1_000, 100_000_000)),
        List.of(unsized, pressure), List.of("no class files: pass --classpath"), root,
        List.of(new GcPause(start + 800, "G1New", "G1 Evacuation Pause", 3.5, 3.5, 8_000_000),
            new GcPause(start + 1_700, "G1New", "G1 Evacuation Pause", 4.0, 4.0, 9_000_000),
            new GcPause(start + 2_600, "G1New", "G1 Evacuation Pause", 1.5, 1.5, -1)));
  }

  private static StackNode node(Kind kind, String className, String method, int line, long bytes, long samples,
      StackNode... children) {
    return new StackNode(kind, className, method, line, bytes, samples, List.of(children));
  }
}
