// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Where tests find the JDK under test, the samples and the shared corpus; set by the build (see the root pom). */
public final class TestEnvironment {

  private TestEnvironment() {
  }

  /** The JDK that forked JVMs run on: CI runs the suite once with Java 17 and once with Java 25. */
  public static Path javaHome() {
    return Path.of(System.getProperty("heapwise.test.javaHome", System.getProperty("java.home")));
  }

  /** The feature release of {@link #javaHome()}, read from its {@code release} file. */
  public static int javaFeatureVersion() {
    return featureVersion(javaHome());
  }

  /**
   * A JDK 17 or later of another feature release than {@link #javaHome()}, for tests across versions: the
   * {@code heapwise.test.otherJavaHome} property, else the first such JDK beside the one under test (CI machines
   * have 17 and 25 in /usr/lib/jvm).
   */
  public static Optional<Path> otherJavaHome() {
    String given = System.getProperty("heapwise.test.otherJavaHome", "");
    if (!given.isBlank()) {
      return Optional.of(Path.of(given));
    }
    int underTest = javaFeatureVersion();
    Path parent = javaHome().toAbsolutePath().getParent();
    try (java.util.stream.Stream<Path> homes = Files.list(parent)) {
      return homes.sorted()
          .filter(home -> Files.isExecutable(home.resolve("bin").resolve("java"))
              && Files.isRegularFile(home.resolve("release")))
          .filter(home -> {
            try {
              int version = featureVersion(home);
              return version >= 17 && version != underTest;
            } catch (IllegalStateException e) {
              return false;
            }
          })
          .findFirst();
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** The feature release of the JDK at {@code home}, read from its {@code release} file. */
  public static int featureVersion(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Integer.parseInt(version.split("[.+-]")[0]);
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      throw new IllegalStateException("cannot read the Java version of " + home, e);
    }
    throw new IllegalStateException(home + "/release has no JAVA_VERSION");
  }

  /** The shared corpus of recordings made by other tools, when this checkout has it beside it. */
  public static Optional<Path> corpus() {
    String dir = System.getProperty("heapwise.test.corpus");
    return dir != null && Files.isDirectory(Path.of(dir)) ? Optional.of(Path.of(dir)) : Optional.empty();
  }

  /**
   * The corpus's recordings, sorted by name, for a parameterized test's source; skips the test with its reason when
   * the corpus is absent (an empty source would be a JUnit configuration error).
   */
  public static Stream<Path> corpusRecordings() throws IOException {
    Optional<Path> corpus = corpus();
    assumeTrue(corpus.isPresent(), "skipped: no corpus at " + System.getProperty("heapwise.test.corpus")
        + " (../shared/corpus beside the checkout)");
    try (Stream<Path> list = Files.list(corpus.get())) {
      return list.filter(p -> p.getFileName().toString().endsWith(".jfr")).sorted().toList().stream();
    }
  }

  public static Path samplesSource() {
    return Path.of(required("heapwise.test.samplesSource"));
  }

  /**
   * The class path entry holding the samples: the samples jar when the build names it (integration tests),
   * else the entry of this test's own class path that holds them.
   */
  public static Path samplesClassPath() {
    String jar = System.getProperty("heapwise.samples.jar");
    if (jar != null) {
      return Path.of(jar);
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.contains("heapwise-samples") || entry.replace('\\', '/').endsWith("samples/target/classes")) {
        return Path.of(entry);
      }
    }
    throw new IllegalStateException("the samples are not on the test class path: " + System.getProperty("java.class.path"));
  }

  /** The packaged agent, for integration tests that record with it; the build names it (see the module's pom). */
  public static Path agentJar() {
    Path jar = Path.of(required("heapwise.agent.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no agent jar at " + jar + "; run the integration tests through 'mvn verify'");
    }
    return jar;
  }

  /** A folder for this test's files under {@code target/}, kept after the run for post-mortems. */
  public static Path workDir(String name) {
    try {
      return Files.createDirectories(Path.of("target", "test-work", name).toAbsolutePath());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("system property " + property + " is not set; run the tests through Maven");
    }
    return value;
  }
}
