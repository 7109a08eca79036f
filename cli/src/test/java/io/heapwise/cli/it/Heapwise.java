// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.ReportJson;
import io.heapwise.analyzer.testing.ForkedJvm;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built {@code heapwise.jar} run as users run it: {@code java -jar}, in its own JVM of the JDK under test. */
final class Heapwise {

  private static final Pattern SUMMARY_ROW = Pattern.compile("^(\\S+)\\s+(\\d+)\\s+\\S+\\s*$");

  private Heapwise() {
  }

  static Path cliJar() {
    return existing("heapwise.cli.jar");
  }

  static Path agentJar() {
    return TestEnvironment.agentJar();
  }

  static ForkedJvm.Result run(Path workDir, List<String> jvmArgs, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(jvmArgs);
    command.add("-jar");
    command.add(cliJar().toString());
    command.addAll(List.of(args));
    return ForkedJvm.java().args(command).run(workDir);
  }

  static ForkedJvm.Result run(Path workDir, String... args) throws IOException, InterruptedException {
    return run(workDir, List.of(), args);
  }

  /** {@code heapwise analyze FILE --format json}, read back with the analyzer's own JSON reader. */
  static Report analyzeJson(Path workDir, Path recording, String... more) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("analyze", recording.toString(), "--format", "json"));
    args.addAll(List.of(more));
    ForkedJvm.Result result = run(workDir, args.toArray(String[]::new)).assertSuccess();
    return ReportJson.read(new StringReader(result.stdout()));
  }

  /**
   * How many events of each type the JDK's own {@code jfr summary} counts: an independent count to check the
   * analyzer against.
   */
  static Map<String, Long> jfrSummary(Path workDir, Path recording) throws IOException, InterruptedException {
    ForkedJvm.Result result = ForkedJvm.tool("jfr").args("summary", recording.toString()).run(workDir)
        .assertSuccess();
    Map<String, Long> counts = new java.util.HashMap<>();
    for (String line : result.stdout().lines().toList()) {
      Matcher row = SUMMARY_ROW.matcher(line.strip());
      if (row.matches() && row.group(1).contains(".")) {
        counts.merge(row.group(1), Long.parseLong(row.group(2)), Long::sum);
      }
    }
    assertThat(counts).as("event counts from jfr summary:\n%s", result.stdout()).isNotEmpty();
    return counts;
  }

  private static Path existing(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property %s (set by the cli module's failsafe configuration)", property)
        .isNotNull();
    Path path = Path.of(value);
    assertThat(Files.isRegularFile(path)).as("%s = %s exists; run through 'mvn verify'", property, path).isTrue();
    return path;
  }
}
