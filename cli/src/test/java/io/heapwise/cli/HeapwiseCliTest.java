// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heapwise.analyzer.gate.Baseline;
import io.heapwise.analyzer.gate.BaselineJson;
import io.heapwise.analyzer.gate.Measurement;
import io.heapwise.analyzer.gate.WorkUnit;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

  @Test
  void aBaselineOfUnevenlyWeightedSamplesSaysSoOnStderr() throws Exception {
    assumeTrue(TestEnvironment.corpus().isPresent(), "skipped: no corpus at "
        + System.getProperty("heapwise.test.corpus"));
    // JMC's recording of a JDK 21 service: 60 s at the JDK's default 150 samples/s, one sample carrying 22 MB.
    Path uneven = TestEnvironment.corpus().get().resolve("hs21-jmc-jdk21-nullstacks.jfr");
    Path even = TestEnvironment.corpus().get().resolve("hs17-ddtrace-object-allocation-sample.jfr");

    assertThat(heapwise("baseline", uneven.toString(), "-o", tmp.resolve("uneven.json").toString()))
        .isEqualTo(ExitCodes.OK);
    assertThat(err.toString().lines()).contains("heapwise: note: " + uneven + ": 12 first-per-thread samples capped"
        + " (4.7 GB from before the recording)")
        .anySatisfy(line -> assertThat(line).startsWith("heapwise: note: " + uneven + ": the 255 allocation samples"
            + " are as good as 15 even ones").contains("allocation-profiling=maximum"))
        .last().asString().startsWith("heapwise: wrote ");
    err.getBuffer().setLength(0);
    assertThat(heapwise("baseline", even.toString(), "-o", tmp.resolve("even.json").toString()))
        .isEqualTo(ExitCodes.OK);
    assertThat(err.toString()).doesNotContain("as good as");
  }

  @Test
  void gateWritesEachCiFormatAndStillExitsOneOnARegression() throws Exception {
    Path base = baselineFile("base.json", 100_000);
    Path run = baselineFile("run.json", 150_000);

    assertThat(heapwise("gate", "--baseline", base.toString(), run.toString(), "--format", "junit"))
        .isEqualTo(ExitCodes.FINDINGS_OR_GATE_FAILED);
    assertThat(out.toString()).startsWith("<?xml").contains("<testsuite name=\"heapwise gate\" tests=\"2\" "
        + "failures=\"2\"");
    out.getBuffer().setLength(0);

    assertThat(heapwise("gate", "--baseline", base.toString(), run.toString(), "--format", "markdown"))
        .isEqualTo(ExitCodes.FINDINGS_OR_GATE_FAILED);
    assertThat(out.toString()).startsWith("### :x: heapwise gate failed: 2 of 2 checks");

    Path sarif = tmp.resolve("heapwise.sarif");
    assertThat(heapwise("gate", "--baseline", base.toString(), run.toString(), "--format", "sarif", "-o",
        sarif.toString())).isEqualTo(ExitCodes.FINDINGS_OR_GATE_FAILED);
    assertThat(Files.readString(sarif)).contains("\"version\" : \"2.1.0\"", "\"uri\" : \"com/acme/Book.java\"");
  }

  @Test
  void diffInMarkdownExitsZero() throws Exception {
    assertThat(heapwise("diff", baselineFile("a.json", 100_000).toString(), baselineFile("b.json", 150_000)
        .toString(), "--format", "markdown")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("### heapwise diff: ").contains("| +50.0% | 97.7 KB | 146.5 KB | ");
  }

  /** A baseline of one site, measured over 1,000 runs with plenty of samples. */
  private Path baselineFile(String name, double bytesPerRun) throws Exception {
    String site = "byte[] at com.acme.Book.match(Book.java:73)";
    long bytes = (long) (bytesPerRun * 1_000);
    Baseline baseline = Baseline.of(WorkUnit.given(1_000), List.of(new Measurement(name, 1_000, bytes, 10_000,
        Map.of(site, new long[] {bytes, 10_000}), Map.of(), Map.of())));
    Path file = tmp.resolve(name);
    try (var writer = Files.newBufferedWriter(file)) {
      BaselineJson.write(baseline, writer);
    }
    return file;
  }
}
