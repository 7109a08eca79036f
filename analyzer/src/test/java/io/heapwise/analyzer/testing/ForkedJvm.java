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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** {@code java} of another JDK, e.g. for a CLI attaching across Java versions. */
  public static ForkedJvm java(Path javaHome) {
    return new ForkedJvm(javaHome.resolve("bin").resolve("java"));
  }

  /** Starts the command and returns at once; the caller closes the handle, which ends the process if need be. */
  public Background start(Path workDir) throws IOException {
    Files.createDirectories(workDir);
    Path out = Files.createTempFile(workDir, "stdout-", ".txt");
    Path err = Files.createTempFile(workDir, "stderr-", ".txt");
    Process process = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    return new Background(List.copyOf(command), process, out, err);
  }

  /** Runs the command to its end; a hung child fails the test after the timeout. */
  public Result run(Path workDir) throws IOException, InterruptedException {
    return start(workDir).await();
  }

  /** A JVM running beside the test, e.g. a service to attach to. */
  public static final class Background implements AutoCloseable {
    private final List<String> command;
    private final Process process;
    private final Path out;
    private final Path err;

    private Background(List<String> command, Process process, Path out, Path err) {
      this.command = command;
      this.process = process;
      this.out = out;
      this.err = err;
    }

    public long pid() {
      return process.pid();
    }

    public boolean isAlive() {
      return process.isAlive();
    }

    /** The first match of {@code line} in its standard output, waiting up to {@code timeout} for it. */
    public Matcher awaitLine(Pattern line, Duration timeout) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        Matcher m = line.matcher(stdout());
        if (m.find()) {
          return m;
        }
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError((process.isAlive() ? "timed out waiting for " : "exited before printing ")
              + line + "\n" + describe());
        }
        Thread.sleep(100);
      }
    }

    /** Waits for it to exit by itself and returns what it did. */
    public Result await() throws IOException, InterruptedException {
      return await(TIMEOUT);
    }

    /** As {@link #await()}, for a child known to run longer than the usual timeout (minutes of recording). */
    public Result await(Duration timeout) throws IOException, InterruptedException {
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        close();
        throw new AssertionError("timed out after " + timeout + "\n" + describe());
      }
      return new Result(command, process.exitValue(), stdout(), stderr());
    }

    /** Asks it to end (SIGTERM, so shutdown hooks run), then waits for it. */
    public Result terminate() throws IOException, InterruptedException {
      process.destroy();
      return await();
    }

    public String stdout() throws IOException {
      return Files.readString(out, StandardCharsets.UTF_8);
    }

    public String stderr() throws IOException {
      return Files.readString(err, StandardCharsets.UTF_8);
    }

    private String describe() throws IOException {
      return String.join(" ", command) + "\n--- stdout:\n" + stdout() + "\n--- stderr:\n" + stderr();
    }

    @Override
    public void close() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
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
