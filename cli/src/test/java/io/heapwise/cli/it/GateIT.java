// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.testing.ForkedJvm;
import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * {@code heapwise baseline} and {@code heapwise gate} on the gate sample ({@code WholesaleCheckout}): a baseline
 * from three recordings of the good code, then runs of each variant gated against it, every run a real JVM with the
 * agent, divided by the sample's own JFR work counter.
 */
class GateIT {

  private static final String WORKLOAD = "io.heapwise.samples.gate.WholesaleCheckout";
  private static final String WORK_EVENT = "heapwise.samples.Requests";
  private static final String REGRESSION = "io.heapwise.samples.gate.CopyingResponseLog";
  private static final String NEW_FINDING = "io.heapwise.samples.gate.GrowingLineResolver";
  /** Long enough for a few thousand allocation samples after the JIT has settled. */
  private static final int SECONDS = 4;

  private static Path dir;
  private static Path baseline;

  @BeforeAll
  static void baselineOfThreeRuns() throws Exception {
    dir = TestEnvironment.workDir("GateIT");
    List<String> args = new ArrayList<>(List.of("baseline"));
    for (int i = 1; i <= 3; i++) {
      args.add(record("baseline", "baseline-" + i).toString());
    }
    baseline = dir.resolve("heapwise-baseline.json");
    args.addAll(List.of("--work-event", WORK_EVENT, "-o", baseline.toString()));

    ForkedJvm.Result made = Heapwise.run(dir, args.toArray(String[]::new)).assertSuccess();

    assertThat(made.stderr()).startsWith("heapwise: wrote " + baseline).contains("from 3 recordings");
    assertThat(Files.readString(baseline)).contains("\"schema\": \"heapwise-baseline/1\"", "\"event\":\"" + WORK_EVENT,
        "InvoiceRenderer.render(InvoiceRenderer.java:");
  }

  @Test
  void thePlantedRegressionFailsTheGateAndItsSiteIsNamedFirst() throws Exception {
    PlantedSite planted = PlantedSite.of(REGRESSION);
    ForkedJvm.Result gate = gate(record("regression", "regression"));

    assertThat(gate.exitCode()).as("%s", gate).isEqualTo(1);
    List<String> failures = gate.stdout().lines().filter(line -> line.startsWith("  FAIL  ")).toList();
    assertThat(failures.get(0)).isEqualTo("  FAIL  total allocation");
    assertThat(failures.get(1)).contains(planted.className() + "." + planted.method() + "(CopyingResponseLog.java:"
        + planted.line() + ")");
  }

  @Test
  void theUnchangedWorkloadNeverFailsInTenRuns() throws Exception {
    for (int i = 1; i <= 10; i++) {
      ForkedJvm.Result gate = gate(record("baseline", "unchanged-" + i));

      assertThat(gate.exitCode()).as("run %d:\n%s", i, gate).isZero();
      assertThat(gate.stdout()).startsWith("heapwise gate: passed");
    }
  }

  @Test
  void aFivePercentChangeUnderTheTenPercentLimitPasses() throws Exception {
    ForkedJvm.Result gate = gate(record("small-change", "small-change"));

    assertThat(gate.exitCode()).as("%s", gate).isZero();
    // The sample's footer adds 4 to 6% per request (WholesaleCheckoutTest measures it exactly).
    assertThat(gate.stdout()).containsPattern("total \\+[4-6]\\.\\d% \\(within the \\+10% limit\\)");
  }

  @Test
  void aNewFindingFailsTheGate() throws Exception {
    String finding = "UNSIZED_COLLECTION:" + NEW_FINDING + ".resolve:" + PlantedSite.constructorLine(NEW_FINDING);
    ForkedJvm.Result gate = gate(record("new-finding", "new-finding"));

    assertThat(gate.exitCode()).as("%s", gate).isEqualTo(1);
    assertThat(gate.stdout()).contains("  FAIL  finding " + finding);
  }

  @Test
  void junitOutputHasATestCasePerGatedQuantityAndTheFailures() throws Exception {
    Path xml = dir.resolve("gate-junit.xml");
    Path summary = dir.resolve("gate-summary.md");
    ForkedJvm.Result gate = Heapwise.run(dir, "gate", "--baseline", baseline.toString(),
        record("regression", "regression-junit").toString(), "--also-write", "junit=" + xml,
        "--also-write", "markdown=" + summary);

    assertThat(gate.exitCode()).as("%s", gate).isEqualTo(1);
    assertThat(gate.stdout()).as("the text verdict still goes to stdout").contains("  FAIL  total allocation");
    assertThat(Files.readString(summary)).startsWith("### :x: heapwise gate failed");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    int cases = doc.getElementsByTagName("testcase").getLength();
    int failures = doc.getElementsByTagName("failure").getLength();
    assertThat(cases).isGreaterThan(3);
    assertThat(failures).isPositive().isLessThan(cases);
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo(String.valueOf(cases));
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo(String.valueOf(failures));
  }

  @Test
  void diffShowsTheChangesWithoutAVerdict() throws Exception {
    ForkedJvm.Result diff = Heapwise.run(dir, "diff", baseline.toString(),
        record("regression", "regression-diff").toString());

    assertThat(diff.exitCode()).as("%s", diff).isZero();
    assertThat(diff.stdout()).startsWith("heapwise diff: ").contains("per " + WORK_EVENT + " event", "new",
        "CopyingResponseLog.record(CopyingResponseLog.java:").doesNotContain("FAIL");
  }

  @Test
  void unusableBaselinesAreRefusedInOneLineWithExitTwo() throws Exception {
    Path current = dir.resolve("baseline-1.jfr");
    Path notJson = Files.writeString(dir.resolve("not-json.json"), "{ this is not json");
    Path otherSchema = Files.writeString(dir.resolve("other-schema.json"), "{\"schema\": \"something/2\"}");
    Path noTotal = Files.writeString(dir.resolve("no-total.json"),
        "{\"schema\": \"heapwise-baseline/1\", \"unit\": {\"kind\": \"run\"}}");
    for (Path bad : List.of(dir.resolve("missing.json"), notJson, otherSchema, noTotal)) {
      ForkedJvm.Result gate = Heapwise.run(dir, "gate", "--baseline", bad.toString(), current.toString());

      assertThat(gate.exitCode()).as("%s", gate).isEqualTo(2);
      assertThat(gate.stderr().strip()).as("%s", gate).startsWith("heapwise: " + bad).doesNotContain("\n")
          .doesNotContain("\tat ");
      assertThat(gate.stdout()).isEmpty();
    }
  }

  @Test
  void aWorkEventTheRecordingLacksIsRefusedInOneLine() throws Exception {
    Path current = dir.resolve("baseline-1.jfr");
    ForkedJvm.Result made = Heapwise.run(dir, "baseline", current.toString(), "--work-event", "app.NoSuchEvent",
        "-o", dir.resolve("never.json").toString());

    assertThat(made.exitCode()).isEqualTo(2);
    assertThat(made.stderr().strip()).startsWith("heapwise: " + current + ": no app.NoSuchEvent events")
        .doesNotContain("\n");
    assertThat(dir.resolve("never.json")).doesNotExist();
  }

  /** A report listing every site ({@code --top 1000}) measures what its recording does: gated, nothing moved. */
  @Test
  void aReportIsGatedLikeTheRecordingItCameFrom() throws Exception {
    Path recording = dir.resolve("baseline-2.jfr");
    Path perRun = dir.resolve("per-run-baseline.json");
    Path report = dir.resolve("baseline-2-report.json");
    Heapwise.run(dir, "baseline", recording.toString(), "-o", perRun.toString()).assertSuccess();
    Heapwise.run(dir, "analyze", recording.toString(), "--format", "json", "--top", "1000", "-o", report.toString())
        .assertSuccess();

    ForkedJvm.Result gate = Heapwise.run(dir, "gate", "--baseline", perRun.toString(), report.toString());

    assertThat(gate.exitCode()).as("%s", gate).isZero();
    assertThat(gate.stdout()).contains("total +0.0% (within the +10% limit)").doesNotContain("gone");
  }

  /** A report has no event counts: against a baseline per event, it is refused, and the way out is named. */
  @Test
  void aReportCannotBeGatedPerEventAndSaysWhatToDoInstead() throws Exception {
    Path report = dir.resolve("baseline-1-report.json");
    Heapwise.run(dir, "analyze", dir.resolve("baseline-1.jfr").toString(), "--format", "json", "--top", "1000",
        "-o", report.toString()).assertSuccess();

    ForkedJvm.Result gate = gate(report);

    assertThat(gate.exitCode()).as("%s", gate).isEqualTo(2);
    assertThat(gate.stderr().strip()).startsWith("heapwise: " + report + ": a report holds no event counts to divide"
        + " by " + WORK_EVENT).contains("gate the recording itself").doesNotContain("\n");
  }

  private static ForkedJvm.Result gate(Path current) throws IOException, InterruptedException {
    return Heapwise.run(dir, "gate", "--baseline", baseline.toString(), current.toString());
  }

  /** Runs the workload's {@code variant} under the agent for {@link #SECONDS} and returns its recording. */
  private static Path record(String variant, String name) throws IOException, InterruptedException {
    Path jfr = dir.resolve(name + ".jfr");
    Files.deleteIfExists(jfr);
    ForkedJvm.java()
        .args("-javaagent:" + Heapwise.agentJar() + "=out=" + jfr + ",include=io.heapwise.samples.gate,log=none",
            "-cp", TestEnvironment.samplesClassPath().toString(), WORKLOAD,
            "--variant", variant, "--seconds", String.format(Locale.ROOT, "%d", SECONDS))
        .run(dir)
        .assertSuccess();
    assertThat(jfr).isRegularFile();
    return jfr;
  }
}
