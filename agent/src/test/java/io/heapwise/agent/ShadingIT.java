// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** The agent jar lives on the application's class path: anything outside our own prefix could clash there. */
class ShadingIT {

  private static List<String> entryNames() throws IOException {
    try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
      return jar.stream().map(JarEntry::getName).toList();
    }
  }

  @Test
  void everyClassIsUnderOurOwnPrefix() throws IOException {
    List<String> classes = entryNames().stream().filter(name -> name.endsWith(".class")).toList();

    assertThat(classes).isNotEmpty().allMatch(name -> name.startsWith("io/heapwise/"));
  }

  @Test
  void byteBuddyAndAsmAreRelocated() throws IOException {
    List<String> names = entryNames();

    assertThat(names).anyMatch(name -> name.startsWith("io/heapwise/shaded/net/bytebuddy/"));
    assertThat(names).noneMatch(name -> name.contains("net/bytebuddy/") && !name.startsWith("io/heapwise/shaded/"));
    assertThat(names).noneMatch(name -> name.contains("org/objectweb/asm/") && !name.startsWith("io/heapwise/shaded/"));
  }

  @Test
  void noMultiReleaseOrModuleEntriesEscapeRelocation() throws IOException {
    assertThat(entryNames())
        .noneMatch(name -> name.startsWith("META-INF/versions/"))
        .noneMatch(name -> name.endsWith("module-info.class"));
  }

  @Test
  void noSignatureFilesFromShadedJars() throws IOException {
    // A signature of a shaded dependency no longer matches its rewritten classes, and the JVM rejects the jar.
    assertThat(entryNames()).noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"));
  }

  @Test
  void ourOwnClassesArePresent() throws IOException {
    assertThat(entryNames()).contains(
        "io/heapwise/agent/AllocAgent.class",
        "io/heapwise/agent/boot/AgentMain.class",
        "io/heapwise/agent/jfr/RecordingControl.class",
        "io/heapwise/agent/jfr/SessionEvent.class",
        "io/heapwise/agent/jfr/heapwise.jfc");
  }

  @Test
  void manifestNamesTheAgentEntryPoints() throws IOException {
    try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
      Manifest manifest = jar.getManifest();
      Attributes main = manifest.getMainAttributes();

      assertThat(main.getValue("Premain-Class")).isEqualTo(AllocAgent.class.getName());
      assertThat(main.getValue("Agent-Class")).isEqualTo(AllocAgent.class.getName());
      assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
      assertThat(main.getValue("Implementation-Version")).isNotBlank();
      // Byte Buddy's own manifest must not leak through, or `java -jar` would start its build plugin.
      assertThat(main.getValue("Main-Class")).isNull();
    }
  }
}
