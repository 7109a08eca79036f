// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The agent jar users run: it lives on the application's class path, so everything it carries besides our own
 * classes (Byte Buddy, ASM, Jackson) must be relocated, or it could clash with the application's own copies.
 */
class ReleasedAgentJarIT {

  private static List<String> entryNames() throws IOException {
    try (JarFile jar = new JarFile(TestEnvironment.agentJar().toFile())) {
      return jar.stream().map(JarEntry::getName).toList();
    }
  }

  @Test
  void everyClassIsOursOrRelocatedUnderOurPrefix() throws IOException {
    List<String> classes = entryNames().stream().filter(name -> name.endsWith(".class")).toList();

    assertThat(classes).isNotEmpty().allMatch(name -> name.startsWith("io/heapwise/"));
    assertThat(classes)
        .anyMatch(name -> name.startsWith("io/heapwise/shaded/com/fasterxml/jackson/databind/"))
        .anyMatch(name -> name.startsWith("io/heapwise/shaded/org/objectweb/asm/"))
        .anyMatch(name -> name.startsWith("io/heapwise/shaded/net/bytebuddy/"));
  }

  @Test
  void carriesTheAgentTheReporterAndTheAnalyzer() throws IOException {
    assertThat(entryNames()).contains(
        "io/heapwise/agent/AllocAgent.class",
        "io/heapwise/agent/jfr/heapwise.jfc",
        "io/heapwise/reporter/PeriodicReporter.class",
        "io/heapwise/analyzer/Analyzer.class");
  }

  @Test
  void noEntryEscapesRelocation() throws IOException {
    assertThat(entryNames())
        .noneMatch(name -> name.startsWith("META-INF/versions/"))
        .noneMatch(name -> name.endsWith("module-info.class"))
        .noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"))
        // A service file must name the relocated interface, or the application's ServiceLoader would find ours.
        .noneMatch(name -> name.matches("META-INF/services/.+") && !name.startsWith("META-INF/services/io.heapwise."));
  }

  @Test
  void manifestNamesTheAgentEntryPoints() throws IOException {
    try (JarFile jar = new JarFile(TestEnvironment.agentJar().toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();

      assertThat(main.getValue("Premain-Class")).isEqualTo("io.heapwise.agent.AllocAgent");
      assertThat(main.getValue("Agent-Class")).isEqualTo("io.heapwise.agent.AllocAgent");
      assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
      assertThat(main.getValue("Implementation-Version")).isNotBlank();
      assertThat(main.getValue("Main-Class")).isNull();
      assertThat(main.getValue("Multi-Release")).isNull();
    }
  }
}
