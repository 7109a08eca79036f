// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A sample run in a forked JVM under a recording, and what it printed about itself. */
public record SampleRecording(Path jfr, SampleOutput sample, ForkedJvm.Result run) {

  /**
   * Runs {@code mainClass} for {@code seconds} with a plain JDK recording ({@code -XX:StartFlightRecording}, no
   * agent) using the JDK's {@code settings} ({@code default}, {@code profile} or the path of a .jfc file).
   */
  public static SampleRecording withJdkSettings(String mainClass, String settings, double seconds, Path dir,
      String... jvmArgs) throws IOException, InterruptedException {
    String settingsName = Path.of(settings).getFileName().toString().replaceFirst("\\.jfc$", "");
    Path jfr = dir.resolve(simpleName(mainClass) + "-" + settingsName + ".jfr");
    Files.deleteIfExists(jfr);
    List<String> args = new ArrayList<>(List.of(jvmArgs));
    args.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=" + settings);
    return run(mainClass, seconds, dir, jfr, args);
  }

  /** Runs {@code mainClass} with the Heapwise agent, whose options are {@code out=<jfr>} plus {@code options}. */
  public static SampleRecording withAgent(Path agentJar, String mainClass, String options, double seconds, Path dir,
      String... jvmArgs) throws IOException, InterruptedException {
    Path jfr = dir.resolve(simpleName(mainClass) + "-agent.jfr");
    Files.deleteIfExists(jfr);
    List<String> args = new ArrayList<>(List.of(jvmArgs));
    args.add("-javaagent:" + agentJar + "=out=" + jfr + (options.isEmpty() ? "" : "," + options));
    return run(mainClass, seconds, dir, jfr, args);
  }

  private static SampleRecording run(String mainClass, double seconds, Path dir, Path jfr, List<String> jvmArgs)
      throws IOException, InterruptedException {
    ForkedJvm.Result result = ForkedJvm.java()
        .args(jvmArgs)
        .args("-cp", TestEnvironment.samplesClassPath().toString(), mainClass,
            "--seconds", String.format(Locale.ROOT, "%.1f", seconds))
        .run(dir)
        .assertSuccess();
    if (!Files.isRegularFile(jfr)) {
      throw new AssertionError("no recording at " + jfr + "\n" + result);
    }
    return new SampleRecording(jfr, SampleOutput.parse(result.stdout()), result);
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
