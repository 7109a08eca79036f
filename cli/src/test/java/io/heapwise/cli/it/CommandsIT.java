// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import io.heapwise.analyzer.testing.ForkedJvm;
import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code demo} and {@code record} as a newcomer runs them, from the built jar with its embedded agent. */
class CommandsIT {

  @Test
  void demoPrintsAReportWhoseFirstSiteIsThePlantedOne() throws Exception {
    Path dir = TestEnvironment.workDir("CommandsIT-demo");
    PlantedSite planted = PlantedSite.of("io.heapwise.samples.unsized.OrderBook");
    ForkedJvm.Result result = Heapwise.run(dir, "demo", "--seconds", "3").assertSuccess();

    String firstSiteRow = result.stdout().lines()
        .dropWhile(line -> !line.startsWith("Top allocation sites"))
        .skip(2)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no site table in\n" + result));
    assertThat(firstSiteRow).contains("OrderBook.match(OrderBook.java:" + planted.line() + ")", "ArrayList.grow");
    assertThat(result.stderr()).contains("[heapwise] recording to", "[heapwise] wrote", "heapwise-sample:");
  }

  @Test
  void recordRunsTheApplicationWithTheAgentThenReports() throws Exception {
    Path dir = TestEnvironment.workDir("CommandsIT-record");
    Path jfr = dir.resolve("record.jfr");
    Files.deleteIfExists(jfr);
    PlantedSite planted = PlantedSite.of("io.heapwise.samples.pooling.RequestHandlerLoop");
    ForkedJvm.Result result = Heapwise.run(dir, "record", "--out", jfr.toString(), "--include",
        "io.heapwise.samples", "--format", "json", "--",
        TestEnvironment.javaHome().resolve("bin/java").toString(), "-cp",
        TestEnvironment.samplesClassPath().toString(), planted.className(), "--seconds", "2").assertSuccess();

    assertThat(jfr).isRegularFile();
    String json = result.stdout().substring(result.stdout().indexOf('{'));
    assertThat(result.stdout()).contains("heapwise-sample: name=RequestHandlerLoop");
    Report report = ReportJson.read(new java.io.StringReader(json));
    EndToEndIT.assertTopSiteIsPlanted(report, planted);
  }

  @Test
  void recordReturnsTheApplicationsExitCode() throws Exception {
    Path dir = TestEnvironment.workDir("CommandsIT-exit");
    ForkedJvm.Result result = Heapwise.run(dir, "record", "--out", dir.resolve("crash.jfr").toString(), "--",
        TestEnvironment.javaHome().resolve("bin/java").toString(), "-cp",
        TestEnvironment.samplesClassPath().toString(), "io.heapwise.samples.unsized.OrderBook", "--seconds",
        "not-a-number");
    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    assertThat(result.stderr()).contains("heapwise: the application exited with code 1");
  }

  @Test
  void recordRefusesACommandThatIsNotJava() throws Exception {
    Path dir = TestEnvironment.workDir("CommandsIT-notjava");
    ForkedJvm.Result result = Heapwise.run(dir, "record", "--", "python3", "app.py");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderrLines()).singleElement().asString().startsWith("heapwise: 'python3' is not a java");
  }

  @Test
  void helpOfEveryCommandHasExamples() throws Exception {
    Path dir = TestEnvironment.workDir("CommandsIT-help");
    for (String command : new String[] {"analyze", "record", "demo"}) {
      ForkedJvm.Result result = Heapwise.run(dir, command, "--help").assertSuccess();
      assertThat(result.stdout()).as(command).contains("Usage: heapwise " + command, "Examples:");
    }
  }
}
