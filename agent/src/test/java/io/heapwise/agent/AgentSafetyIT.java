// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.agent.testapp.ExitSevenApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever goes wrong in the agent, the application must behave exactly as without it: same output, same exit
 * code, and one line on stderr that tells the user what to fix.
 */
class AgentSafetyIT {

  @TempDir
  Path dir;

  @Test
  void badDuration() throws Exception {
    assertDisabledWithOneLine(run("out=" + dir.resolve("r.jfr") + ",duration=banana"), "bad duration 'banana'");
  }

  @Test
  void unknownOption() throws Exception {
    assertDisabledWithOneLine(run("out=" + dir.resolve("r.jfr") + ",colour=blue"), "unknown option 'colour'");
  }

  @Test
  void outInMissingDirectory() throws Exception {
    assertDisabledWithOneLine(run("out=/nonexistent-dir/x.jfr"),
        "cannot write /nonexistent-dir/x.jfr (directory /nonexistent-dir does not exist)");
  }

  @Test
  void missingSettingsFile() throws Exception {
    Path missing = dir.resolve("missing.jfc");

    ForkedJvm.Result result = run("out=" + dir.resolve("r.jfr") + ",settings=" + missing);

    assertDisabledWithOneLine(result, "settings file " + missing + " does not exist");
    assertThat(dir.resolve("r.jfr.tmp")).doesNotExist();
  }

  @Test
  void settingsFileThatIsNotJfc() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.jfc"), "<configuration version=\"2.0\"><event");

    assertDisabledWithOneLine(run("out=" + dir.resolve("r.jfr") + ",settings=" + broken),
        "settings file " + broken + " is not a valid .jfc file");
  }

  private static ForkedJvm.Result run(String agentOptions) throws Exception {
    return ForkedJvm.runWithAgent(agentOptions, List.of(), ExitSevenApp.class);
  }

  private static void assertDisabledWithOneLine(ForkedJvm.Result result, String problem) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitSevenApp.EXIT_CODE);
    assertThat(result.stdout()).as(result.toString()).isEqualTo(ExitSevenApp.OUTPUT + System.lineSeparator());
    assertThat(result.stderrLines()).as(result.toString())
        .filteredOn(line -> line.startsWith("[heapwise] agent disabled: "))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains(problem)
        .endsWith("; the application runs without profiling");
    assertThat(result.heapwiseLines()).as(result.toString()).hasSize(1);
    assertThat(result.stderrLines()).as(result.toString()).noneMatch(line -> line.startsWith("\tat "));
  }
}
