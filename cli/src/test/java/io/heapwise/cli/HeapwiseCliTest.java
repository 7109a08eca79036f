// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: exit codes and what lands on stdout and stderr. */
class HeapwiseCliTest {

  @TempDir
  Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int heapwise(String... args) {
    return HeapwiseCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void noCommandShowsUsageAndExitsWithTwo() {
    assertThat(heapwise()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(err.toString()).contains("Usage: heapwise", "choose a command");
  }

  @Test
  void missingRecordingIsOneLine() {
    Path missing = tmp.resolve("missing.jfr");
    assertThat(heapwise("analyze", missing.toString())).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(err.toString()).isEqualTo("heapwise: " + missing + ": no such file" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void topMustBePositive() {
    assertThat(heapwise("analyze", "x.jfr", "--top", "0")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(err.toString()).startsWith("heapwise: --top must be at least 1");
  }

  @Test
  void unknownFormatNamesTheChoices() {
    assertThat(heapwise("analyze", "x.jfr", "--format", "yaml")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(err.toString()).startsWith("heapwise: ").contains("yaml").containsIgnoringCase("text")
        .containsIgnoringCase("json");
  }

  @Test
  void unknownThresholdListsTheKnownOnes() {
    assertThat(heapwise("analyze", "x.jfr", "--threshold", "boxing.warn=0.5")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(err.toString()).startsWith("heapwise: --threshold: unknown threshold 'boxing.warn'")
        .contains("boxing.warning-share", "detect.min-site-share", "unsized-collection.min-growth-share");
  }

  @Test
  void thresholdOverrideChangesTheFindings() throws Exception {
    assumeTrue(TestEnvironment.corpus().isPresent(), "skipped: no corpus at "
        + System.getProperty("heapwise.test.corpus"));
    Path recording = TestEnvironment.corpus().get().resolve("hs17-ddtrace-object-allocation-sample.jfr");
    assertThat(heapwise("analyze", recording.toString(), "--format", "json")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("\"HOT_SHORT_LIVED\"");
    out.getBuffer().setLength(0);
    // No line of this recording has 99% of its allocation: with that as the limit, nothing is hot.
    assertThat(heapwise("analyze", recording.toString(), "--format", "json", "--threshold",
        "detect.min-site-share=0.99")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).doesNotContain("\"HOT_SHORT_LIVED\"");
  }

  @Test
  void outputIntoAMissingDirectoryFailsBeforeAnalyzing() throws Exception {
    Path recording = Files.write(tmp.resolve("r.jfr"), new byte[] {'F', 'L', 'R', 0});
    Path report = tmp.resolve("no-such-dir").resolve("report.json");
    assertThat(heapwise("analyze", recording.toString(), "--output", report.toString()))
        .isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(err.toString()).contains(report.toString(), "does not exist");
  }

  @Test
  void analyzesACorpusRecordingAsTextAndAsJson() throws Exception {
    assumeTrue(TestEnvironment.corpus().isPresent(), "skipped: no corpus at "
        + System.getProperty("heapwise.test.corpus"));
    Path recording = TestEnvironment.corpus().get().resolve("hs17-ddtrace-object-allocation-sample.jfr");

    assertThat(heapwise("analyze", recording.toString(), "--top", "2")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Garbage collection", "collections  114", "Top allocation sites",
        "App$MyHandler.byteArrayToHex(App.java:", "String.format", "GC_PRESSURE:recording");

    Path json = tmp.resolve("report.json");
    out.getBuffer().setLength(0);
    assertThat(heapwise("analyze", recording.toString(), "--format", "json", "-o", json.toString()))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isEmpty();
    Report report = ReportJson.read(new StringReader(Files.readString(json)));
    assertThat(report.schema()).isEqualTo("heapwise-report/1");
    assertThat(report.sites()).hasSize(10);
    assertThat(report.gc().collections()).isEqualTo(114);
  }
}
