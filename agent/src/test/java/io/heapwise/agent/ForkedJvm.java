// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a test application in a fresh JVM with the packaged agent, the way a user would. */
final class ForkedJvm {

  private static final long TIMEOUT_SECONDS = 120;

  private ForkedJvm() {}

  /** What the forked JVM did. */
  record Result(int exitCode, String stdout, String stderr) {

    List<String> stderrLines() {
      return stderr.lines().toList();
    }

    List<String> heapwiseLines() {
      return stderr.lines().filter(line -> line.startsWith("[heapwise]")).toList();
    }

    @Override
    public String toString() {
      return "exit code " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  static Path agentJar() {
    Path jar = Path.of(System.getProperty("heapwise.agent.jar", "target/heapwise-agent-core.jar"));
    if (!Files.isRegularFile(jar)) {
      fail("agent jar " + jar.toAbsolutePath() + " is missing; run the integration tests with mvn verify");
    }
    return jar;
  }

  /** The JDK the test JVMs run on: the parent pom sets it to run the same tests on Java 17 and on Java 25. */
  static Path javaExecutable() {
    return Path.of(System.getProperty("heapwise.test.javaHome", System.getProperty("java.home")), "bin", "java");
  }

  /** Runs {@code mainClass} from the test classes with {@code -javaagent:<jar>=<agentOptions>}. */
  static Result runWithAgent(String agentOptions, List<String> jvmOptions, Class<?> mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable().toString());
    command.add("-javaagent:" + agentJar().toAbsolutePath() + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpathOf(mainClass).toString());
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    return run(command);
  }

  /** Runs {@code mainClass} from {@code classPath}, with the agent when {@code agentOptions} is not null. */
  static Result run(String agentOptions, List<String> jvmOptions, Path classPath, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable().toString());
    if (agentOptions != null) {
      command.add("-javaagent:" + agentJar().toAbsolutePath() + "=" + agentOptions);
    }
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath.toString());
    command.add(mainClass);
    command.addAll(List.of(args));
    return run(command);
  }

  private static Result run(List<String> command) throws IOException, InterruptedException {
    // Files, not pipes: a chatty child cannot block on a full pipe while we wait for it to exit.
    Path stdout = Files.createTempFile("heapwise-it-", ".out");
    Path stderr = Files.createTempFile("heapwise-it-", ".err");
    try {
      Process process = new ProcessBuilder(command)
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile())
          .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        fail("JVM did not exit within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command)
            + "\n--- stderr\n" + Files.readString(stderr, StandardCharsets.UTF_8));
      }
      return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  static Path classpathOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
