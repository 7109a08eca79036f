// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingSite;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report as one self-contained HTML page: findings with their source lines, an allocation flame graph, the
 * allocation and GC timeline, and the tables. Page, style and script are resources next to this class; the report
 * goes in as its public JSON, which the script draws. The page loads nothing from anywhere, so it can be mailed,
 * attached to a CI run, or opened on a machine without network.
 */
public final class HtmlRenderer implements Renderer {

  /** Lines shown above and below a finding's site: enough to see the enclosing statement. */
  static final int SNIPPET_CONTEXT = 4;

  private static final String RESOURCES = "/io/heapwise/cli/render/";
  /** {@code {{NAME}}} in report.html; filled in one pass, so nothing inserted is ever read as a slot. */
  private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Z]+)}}");
  private static final ObjectMapper SNIPPET_JSON = JsonMapper.builder().build();

  private final SourceSnippets sources;

  public HtmlRenderer(SourceSnippets sources) {
    this.sources = sources;
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    Map<String, String> slots = Map.of(
        "CSS", resource("report.css"),
        "JS", resource("report.js"),
        "REPORT", scriptData(ReportJson.toCompactJson(report)),
        "SNIPPETS", scriptData(SNIPPET_JSON.writeValueAsString(snippets(report.findings()))));
    String page = resource("report.html");
    Matcher slot = SLOT.matcher(page);
    int written = 0;
    while (slot.find()) {
      String value = slots.get(slot.group(1));
      if (value == null) {
        throw new IllegalStateException("report.html has an unknown slot " + slot.group());
      }
      out.write(page, written, slot.start() - written);
      out.write(value);
      written = slot.end();
    }
    out.write(page, written, page.length() - written);
  }

  /** One entry per finding, in the report's order: the lines around its site, or {@code null}. */
  private List<SiteSource> snippets(List<Finding> findings) {
    List<SiteSource> snippets = new ArrayList<>();
    for (Finding finding : findings) {
      FindingSite site = finding.site();
      snippets.add(site == null || site.line() == null ? null
          : sources.around(site.className(), site.line(), SNIPPET_CONTEXT)
              .map(s -> new SiteSource(s.path(), s.firstLine(), site.line(), s.lines())).orElse(null));
    }
    return snippets;
  }

  /**
   * JSON that a {@code <script>} element holds verbatim: {@code <} only occurs inside strings, where {@code \u003c}
   * means the same, and without it no {@code </script>} or {@code <!--} in a class name or message can end the
   * block early.
   */
  static String scriptData(String json) {
    return json.replace("<", "\\u003c");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlRenderer.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A finding's source lines as the page reads them; {@code line} is the site's, to highlight. */
  @JsonPropertyOrder({"path", "firstLine", "line", "lines"})
  record SiteSource(String path, int firstLine, int line, List<String> lines) {
  }
}
