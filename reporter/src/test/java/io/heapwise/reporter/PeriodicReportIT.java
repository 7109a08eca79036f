// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import io.heapwise.analyzer.testing.ForkedJvm;
import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.SampleOutput;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's {@code report=} option in a real JVM running a sample with a planted unsized collection: a report per
 * period reaches the application's own log and names the planted site, the JSON file is replaced atomically, and
 * nothing of the reporter keeps the application alive or outlives the recording.
 */
class PeriodicReportIT {

  private static final String ORDER_BOOK = "io.heapwise.samples.unsized.OrderBook";
  private static final Pattern REPORT_LINE = Pattern.compile("heapwise report (\\d+) \\(([^)]*)\\): ");

  private static String plantedId;

  @BeforeAll
  static void plantedFinding() throws IOException {
    plantedId = "UNSIZED_COLLECTION:" + ORDER_BOOK + "." + PlantedSite.of(ORDER_BOOK).method() + ":"
        + PlantedSite.constructorLine(ORDER_BOOK);
  }

  @Test
  void reportsEachPeriodsFindingsAndWritesTheLatestAsJson() throws Exception {
    Path dir = freshDir("PeriodicReportIT-period");
    Path json = dir.resolve("heapwise-report.json");

    ForkedJvm.Result run = runOrderBook(dir, TestEnvironment.agentJar(),
        "out=" + dir.resolve("book.jfr") + ",report=2s,report-file=" + json, 7).assertSuccess();

    // The sample ran its full time and the JVM ended with main: no thread of the reporter kept it alive.
    assertThat(SampleOutput.parse(run.stdout()).seconds()).isGreaterThan(6.5);
    List<Integer> numbers = reportNumbers(run.stderr(), "the last 2s");
    assertThat(numbers).hasSizeGreaterThanOrEqualTo(3);
    assertThat(numbers).isSortedAccordingTo(Integer::compare).doesNotHaveDuplicates();
    assertThat(run.stderr()).contains(plantedId, "full report: " + json);
    Report report;
    try (Reader in = Files.newBufferedReader(json)) {
      report = ReportJson.read(in);
    }
    assertThat(report.findings()).extracting(Finding::id).contains(plantedId);
    // The file holds one period's report, not the recording so far.
    assertThat(report.recording().durationSeconds()).isBetween(1.0, 3.0);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
    }
    assertThat(dir.resolve("book.jfr")).isRegularFile();
  }

  @Test
  void theLastReportComesWhenTheAgentEndsTheRecordingAndNoneAfter() throws Exception {
    Path dir = freshDir("PeriodicReportIT-duration");

    ForkedJvm.Result run = runOrderBook(dir, TestEnvironment.agentJar(),
        "out=" + dir.resolve("book.jfr") + ",report=2s,duration=3s", 6).assertSuccess();

    String stderr = run.stderr();
    assertThat(stderr).contains("[heapwise] ending the recording: the duration of 3s ended");
    assertThat(reportNumbers(stderr, "the recording ended")).hasSize(1);
    // Three more seconds of the sample ran after the recording ended: none of them was reported. (A periodic
    // report already under way when the recording ends may still finish, before the last one.)
    int last = stderr.indexOf("(the recording ended)");
    assertThat(reportNumbers(stderr.substring(last), "the last 2s")).isEmpty();
    assertThat(stderr.substring(last)).contains(plantedId);
  }

  @Test
  void reportsGoToTheApplicationsOwnLoggingConfiguration() throws Exception {
    Path dir = freshDir("PeriodicReportIT-logging");
    Path serviceLog = dir.resolve("service.log");
    Path config = dir.resolve("logging.properties");
    Files.writeString(config, String.join("\n",
        "handlers=java.util.logging.FileHandler",
        "java.util.logging.FileHandler.pattern=" + serviceLog.toString().replace("\\", "/"),
        "java.util.logging.FileHandler.formatter=java.util.logging.SimpleFormatter",
        ".level=INFO", ""));

    ForkedJvm.Result run = ForkedJvm.java()
        .args("-Djava.util.logging.config.file=" + config,
            "-javaagent:" + TestEnvironment.agentJar() + "=out=" + dir.resolve("book.jfr") + ",report=2s",
            "-cp", TestEnvironment.samplesClassPath().toString(), ORDER_BOOK, "--seconds", "6")
        .run(dir)
        .assertSuccess();

    assertThat(Files.readString(serviceLog)).contains("io.heapwise.reporter", "heapwise report 1 (the last 2s)",
        plantedId);
    assertThat(run.stderr()).doesNotContain("heapwise report").doesNotContain("Exception");
  }

  @Test
  void theCoreAgentJarWithoutTheAnalyzerRefusesReportInOneLineAndTheApplicationRuns() throws Exception {
    Path dir = freshDir("PeriodicReportIT-core");
    Path coreJar = Path.of(System.getProperty("heapwise.agent.core.jar"));

    ForkedJvm.Result run = runOrderBook(dir, coreJar, "out=" + dir.resolve("book.jfr") + ",report=1s", 1)
        .assertSuccess();

    assertThat(run.stderrLines()).filteredOn(line -> line.startsWith("[heapwise]")).singleElement()
        .asString().contains("agent disabled: report= needs the heapwise-agent.jar that carries the analyzer",
            coreJar.toString());
    assertThat(SampleOutput.parse(run.stdout()).name()).isEqualTo("OrderBook");
    assertThat(dir.resolve("book.jfr")).doesNotExist();
  }

  private static ForkedJvm.Result runOrderBook(Path dir, Path agentJar, String options, int seconds)
      throws IOException, InterruptedException {
    return ForkedJvm.java()
        .args("-javaagent:" + agentJar + "=" + options,
            "-cp", TestEnvironment.samplesClassPath().toString(), ORDER_BOOK, "--seconds", String.valueOf(seconds))
        .run(dir);
  }

  /** The numbers of the reports in {@code log} made for {@code reason}, in order. */
  private static List<Integer> reportNumbers(String log, String reason) {
    Matcher line = REPORT_LINE.matcher(log);
    List<Integer> numbers = new java.util.ArrayList<>();
    while (line.find()) {
      if (line.group(2).equals(reason)) {
        numbers.add(Integer.parseInt(line.group(1)));
      }
    }
    return numbers;
  }

  private static Path freshDir(String name) throws IOException {
    Path dir = TestEnvironment.workDir(name);
    try (Stream<Path> old = Files.list(dir)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    return dir;
  }
}
