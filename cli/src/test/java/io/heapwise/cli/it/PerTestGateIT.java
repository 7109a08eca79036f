// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.gate.Baseline;
import io.heapwise.analyzer.gate.BaselineJson;
import io.heapwise.analyzer.testing.ForkedJvm;
import io.heapwise.analyzer.testing.TestEnvironment;
import io.heapwise.cli.it.suite.InvoiceChecks;
import io.heapwise.cli.it.suite.SuiteLauncher;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A test suite gated test by test: {@link InvoiceChecks} run with JUnit's launcher in a JVM with the agent and the
 * Heapwise JUnit extension (registered by auto-detection, as a build would), a baseline from three runs, then runs
 * with a planted regression in one test's code, with a test added, and unchanged.
 */
class PerTestGateIT {

  private static final String SUITE = InvoiceChecks.class.getName();
  private static final String RENDERS = SUITE + ".rendersInvoices()";
  private static final String KNOWN = SUITE + ".keepsAKnownBuffer()";

  private static Path dir;
  private static Path baseline;

  @BeforeAll
  static void baselineOfThreeRuns() throws Exception {
    dir = TestEnvironment.workDir("PerTestGateIT");
    List<String> args = new ArrayList<>(List.of("baseline"));
    for (int i = 1; i <= 3; i++) {
      args.add(runSuite("baseline-" + i).toString());
    }
    baseline = dir.resolve("heapwise-baseline.json");
    args.addAll(List.of("-o", baseline.toString()));
    Heapwise.run(dir, args.toArray(String[]::new)).assertSuccess();
  }

  @Test
  void everyTestIsInTheBaselineByNameWithItsRunToRunSpread() throws Exception {
    Baseline read;
    try (Reader in = Files.newBufferedReader(baseline)) {
      read = BaselineJson.read(in);
    }
    assertThat(read.tests()).containsOnlyKeys(RENDERS, KNOWN, SUITE + ".totalsLines(int)[1]",
        SUITE + ".totalsLines(int)[2]");
    assertThat(read.tests().get(RENDERS).spread()).as("three runs give a spread").isNotNull();
  }

  /** The extension's bytes are the thread's exact counter: a test that allocates 4 MB in four arrays shows 4 MB. */
  @Test
  void aTestsBytesAreExact() throws Exception {
    Map<String, Long> bytes = testEvents(dir.resolve("baseline-1.jfr"));

    assertThat(bytes.get(KNOWN)).isBetween((long) InvoiceChecks.KNOWN_BYTES, InvoiceChecks.KNOWN_BYTES + 16L * 1024);
    assertThat(bytes.get(RENDERS)).isGreaterThan(10L * 1024 * 1024);
  }

  @Test
  void aRegressionInOneTestsCodeFailsTheGateNamingThatTest() throws Exception {
    ForkedJvm.Result gate = gate(runSuite("extra-copy", "-Dsuite.extraCopy=true"));

    assertThat(gate.exitCode()).as("%s", gate).isEqualTo(1);
    List<String> failures = gate.stdout().lines().filter(line -> line.startsWith("  FAIL  ")).toList();
    assertThat(failures).as("%s", gate).contains("  FAIL  test " + RENDERS);
    assertThat(failures).noneMatch(line -> line.contains("totalsLines") || line.contains("keepsAKnownBuffer"));
  }

  @Test
  void aSuiteThatGainedATestPassesAndSaysSo() throws Exception {
    ForkedJvm.Result gate = gate(runSuite("more-tests", "-Dsuite.moreTests=true"));

    assertThat(gate.exitCode()).as("%s", gate).isZero();
    assertThat(gate.stdout()).contains("4 tests within the limits, 1 new");
  }

  @Test
  void theUnchangedSuiteNeverFailsInFiveRuns() throws Exception {
    for (int i = 1; i <= 5; i++) {
      ForkedJvm.Result gate = gate(runSuite("unchanged-" + i));

      assertThat(gate.exitCode()).as("run %d:\n%s", i, gate).isZero();
      assertThat(gate.stdout()).contains("4 tests within the limits");
    }
  }

  private static ForkedJvm.Result gate(Path current) throws IOException, InterruptedException {
    return Heapwise.run(dir, "gate", "--baseline", baseline.toString(), current.toString());
  }

  /** Each test's bytes in {@code recording}, read with the JDK's own reader. */
  private static Map<String, Long> testEvents(Path recording) throws IOException {
    return RecordingFile.readAllEvents(recording).stream()
        .filter(event -> event.getEventType().getName().equals("heapwise.Test"))
        .collect(Collectors.toMap(event -> event.getString("test"), (RecordedEvent event) -> event.getLong("allocated"),
            Long::sum));
  }

  /** Runs the suite under the agent, as a build's test JVM would be, and returns its recording. */
  private static Path runSuite(String name, String... properties) throws IOException, InterruptedException {
    Path jfr = dir.resolve(name + ".jfr");
    Files.deleteIfExists(jfr);
    List<String> args = new ArrayList<>(List.of("-javaagent:" + Heapwise.agentJar() + "=out=" + jfr + ",log=none"));
    args.addAll(List.of(properties));
    args.addAll(List.of("-cp", System.getProperty("java.class.path"), SuiteLauncher.class.getName(), SUITE));
    ForkedJvm.java().args(args).run(dir).assertSuccess();
    assertThat(jfr).isRegularFile();
    return jfr;
  }
}
