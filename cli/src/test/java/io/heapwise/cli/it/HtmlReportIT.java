// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.SampleRecording;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The HTML report of a real recording ({@code heapwise analyze --format html}), opened in headless Chromium: it
 * draws without a console error, the flame graph's root is the report's total, the planted site is a frame that
 * zooms when clicked, and the samples toggle redraws by sample count. Screenshots land in
 * {@code target/test-artifacts}.
 */
class HtmlReportIT {

  private static final String ORDER_BOOK = "io.heapwise.samples.unsized.OrderBook";
  private static final Path ARTIFACTS = Path.of("target", "test-artifacts");
  private static final String FLAME = "document.getElementById('flame')";
  /** The frame drawn for a label; labels are compared in JavaScript, never pasted into a CSS selector. */
  private static final String FRAME = "[...document.querySelectorAll('#flame .fr')].find(f => f.dataset.label === %s)";
  private static final String ROOT = String.format(FRAME, "'all'");
  private static final Pattern REPORT_BLOCK =
      Pattern.compile("<script type=\"application/json\" id=\"report\">(.*?)</script>", Pattern.DOTALL);

  @Test
  void theReportOfARecordingDrawsAndItsFlameGraphZooms() throws Exception {
    HeadlessChromium.requireChromium();
    Path dir = TestEnvironment.workDir("HtmlReportIT");
    SampleRecording recording = SampleRecording.withAgent(Heapwise.agentJar(), ORDER_BOOK,
        "include=io.heapwise.samples.unsized", 4, dir, "-Xmx64m");
    Path html = dir.resolve("report.html");
    Heapwise.run(dir, "analyze", recording.jfr().toString(), "--format", "html", "-o", html.toString(),
        "--sources", TestEnvironment.samplesSource().toString()).assertSuccess();
    Report report = embeddedReport(html);
    assertThat(report.stacks()).as("the call tree, which --format html asks for").isNotNull();
    String site = ORDER_BOOK + ".match:" + PlantedSite.constructorLine(ORDER_BOOK);
    String siteFrame = String.format(FRAME, "'" + site + "'");

    try (HeadlessChromium chromium = HeadlessChromium.start(1400, 1000)) {
      chromium.navigate(html.toUri().toString());
      assertThat(chromium.consoleErrors()).as("console errors on load").isEmpty();

      assertThat(chromium.evaluate(ROOT + ".dataset.bytes").asLong()).isEqualTo(report.gc().allocatedBytes());
      assertThat(chromium.evaluate(FLAME + ".dataset.totalBytes").asLong()).isEqualTo(report.gc().allocatedBytes());
      assertThat(chromium.evaluate(siteFrame + " !== undefined").asBoolean())
          .as("frame %s among %s", site, chromium.evaluate("[...document.querySelectorAll('#flame .fr')]"
              + ".map(f => f.dataset.label).join('\\n')").asText())
          .isTrue();
      assertThat(chromium.evaluate(siteFrame + ".classList.contains('fk')").asBoolean())
          .as("the site of the UNSIZED_COLLECTION finding is drawn in its finding's colour").isTrue();
      assertThat(chromium.evaluate("document.querySelector('.snippet .hit').textContent").asText())
          .as("the finding's source line, highlighted").contains("new ArrayList<>()");
      chromium.screenshot(ARTIFACTS.resolve("html-report.png"));
      // The README's picture (docs/html-report.png): the top of the page down into the flame graph, small enough
      // to keep in the repository.
      chromium.screenshot(ARTIFACTS.resolve("html-report-readme.png"), 1400, chromium.evaluate(
          "(f => f.getBoundingClientRect().top + scrollY + Math.min(f.offsetHeight, 12 * 18) + 12)(" + FLAME + ")")
          .asDouble(), 0.8);

      clickOn(chromium, siteFrame);
      assertThat(chromium.evaluate(FLAME + ".dataset.zoom").asText()).isEqualTo(site);
      assertThat(chromium.evaluate(siteFrame + ".getBoundingClientRect().width").asDouble())
          .isCloseTo(chromium.evaluate(FLAME + ".clientWidth").asDouble(), Offset.offset(0.5));
      chromium.screenshot(ARTIFACTS.resolve("html-report-zoomed.png"));

      clickOn(chromium, ROOT);
      assertThat(chromium.evaluate(FLAME + ".dataset.zoom").asText()).isEqualTo("all");
      clickOn(chromium, "document.querySelector('[data-metric=samples]')");
      assertThat(chromium.evaluate(FLAME + ".dataset.metric").asText()).isEqualTo("samples");
      assertThat(chromium.evaluate(ROOT + ".dataset.value").asLong()).isEqualTo(report.stacks().samples());
      assertThat(chromium.evaluate(ROOT + ".textContent").asText()).endsWith(" samples");

      chromium.evaluate("(s => { s.value = 'ArrayList.grow'; s.dispatchEvent(new Event('input')); })"
          + "(document.getElementById('flame-search'))");
      assertThat(chromium.evaluate("document.querySelectorAll('#flame .fr.hit').length").asInt()).isPositive();
      assertThat(chromium.evaluate("document.getElementById('flame-match').textContent").asText())
          .containsPattern("\\d+ frames match: .* samples, \\d+\\.\\d% of all");

      chromium.send("Emulation.setEmulatedMedia",
          Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
      assertThat(waitFor(chromium, "document.documentElement.dataset.theme === 'dark'"))
          .as("the page follows prefers-color-scheme: dark").isTrue();
      chromium.evaluate("scrollTo(0, 0)");
      chromium.screenshot(ARTIFACTS.resolve("html-report-dark.png"));
      clickOn(chromium, "document.getElementById('theme-toggle')");
      assertThat(chromium.evaluate("document.documentElement.dataset.theme").asText()).isEqualTo("light");

      assertThat(chromium.consoleErrors()).as("console errors while used").isEmpty();
    }
  }

  /**
   * Scrolls the element into view and clicks its middle, as a user would. The mouse rests on it first: headless
   * Chromium shows classic scroll bars only once the mouse moves over the page, which narrows the page by their
   * width; the findings' text above the flame graph wraps anew and moves what was measured before. So the click
   * waits until the element has stayed put for a few frames, and checks that the point is on it.
   */
  private static void clickOn(HeadlessChromium chromium, String element) {
    JsonNode middle = middleOf(chromium, element);
    chromium.moveMouse(middle.get(0).asDouble(), middle.get(1).asDouble());
    middle = settledMiddleOf(chromium, element);
    double x = middle.get(0).asDouble();
    double y = middle.get(1).asDouble();
    assertThat(chromium.evaluate("(e => { const hit = document.elementFromPoint(" + x + ", " + y + ");"
        + " return hit === e || e.contains(hit) ? 'on it' : hit && hit.outerHTML.slice(0, 200); })(" + element + ")")
        .asText()).as("what is at (%s, %s), where %s is", x, y, element).isEqualTo("on it");
    chromium.click(x, y);
  }

  /** The report the page draws, read back from its JSON block with the analyzer's own reader. */
  private static Report embeddedReport(Path html) throws IOException {
    Matcher block = REPORT_BLOCK.matcher(Files.readString(html));
    assertThat(block.find()).as("the report's JSON block in %s", html).isTrue();
    return ReportJson.read(new StringReader(block.group(1)));
  }

  /** Whether {@code condition} became true within five seconds; media query changes reach the page a frame later. */
  private static boolean waitFor(HeadlessChromium chromium, String condition) {
    return chromium.evaluate("new Promise(done => { const end = performance.now() + 5000; (function poll() {"
        + " if (" + condition + ") done(true); else if (performance.now() > end) done(false);"
        + " else setTimeout(poll, 20); })(); })").asBoolean();
  }

  private static JsonNode middleOf(HeadlessChromium chromium, String element) {
    return chromium.evaluate("(e => { e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
        + " return [r.left + r.width / 2, r.top + r.height / 2]; })(" + element + ")");
  }

  /** The element's middle once it has not moved for five frames in a row (at most two seconds). */
  private static JsonNode settledMiddleOf(HeadlessChromium chromium, String element) {
    return chromium.evaluate("(e => new Promise(done => { e.scrollIntoView({block: 'center'});"
        + " const end = performance.now() + 2000; let last = '', still = 0;"
        + " (function frame() { const r = e.getBoundingClientRect(), now = [r.left, r.top, r.width, r.height].join();"
        + " still = now === last ? still + 1 : 0; last = now;"
        + " if (still >= 5 || performance.now() > end) done([r.left + r.width / 2, r.top + r.height / 2]);"
        + " else requestAnimationFrame(frame); })(); }))(" + element + ")");
  }
}
