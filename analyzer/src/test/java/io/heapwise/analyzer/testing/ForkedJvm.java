// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real JVM started for a test, from the JDK under test ({@link TestEnvironment#javaHome()}), with its output in
 * files so that a chatty child can never block on a full pipe.
 */
public final class ForkedJvm {

  /** Long enough for a loaded 2-core box, short enough that a hung child fails the build instead of stalling it. */
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final List<String> command = new ArrayList<>();

  private ForkedJvm(Path java) {
    command.add(java.toString());
  }

  /** {@code java} of the JDK under test. */
  public static ForkedJvm java() {
    return new ForkedJvm(TestEnvironment.javaHome().resolve("bin").resolve("java"));
  }

  /** Any launcher, e.g. the {@code jfr} tool of the JDK under test. */
  public static ForkedJvm tool(String name) {
    return new ForkedJvm(TestEnvironment.javaHome().resolve("bin").resolve(name));
  }

  public ForkedJvm args(String... args) {
    command.addAll(List.of(args));
    return this;
  }

  public ForkedJvm args(List<String> args) {
    command.addAll(args);
    return this;
  }

  public Result run(Path workDir) throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path out = Files.createTempFile(workDir, "stdout-", ".txt");
    Path err = Files.createTempFile(workDir, "stderr-", ".txt");
    Process process = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      throw new AssertionError("timed out after " + TIMEOUT + ": " + String.join(" ", command)
          + "\nstderr:\n" + Files.readString(err, StandardCharsets.UTF_8));
    }
    return new Result(List.copyOf(command), process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** What the child did; {@link #toString()} is the whole story, for assertion messages. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {

    /** Fails with the child's output unless it exited with 0. */
    public Result assertSuccess() {
      if (exitCode != 0) {
        throw new AssertionError("exit code " + exitCode + "\n" + this);
      }
      return this;
    }

    public List<String> stderrLines() {
      return stderr.lines().toList();
    }

    @Override
    public String toString() {
      return String.join(" ", command) + "\n--- exit code " + exitCode + "\n--- stdout:\n" + stdout
          + "\n--- stderr:\n" + stderr;
    }
  }
}
