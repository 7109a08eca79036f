// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCommandLineTest {

  @TempDir
  Path tmp;

  @Test
  void agentGoesRightAfterTheExecutable() throws Exception {
    JavaCommandLine java = JavaCommandLine.of(List.of("/opt/jdk/bin/java", "-Xmx1g", "-jar", "app.jar", "-v"));
    assertThat(java.withAgent("/tmp/agent.jar", "out=a.jfr"))
        .containsExactly("/opt/jdk/bin/java", "-javaagent:/tmp/agent.jar=out=a.jfr", "-Xmx1g", "-jar", "app.jar",
            "-v");
  }

  @Test
  void refusesWhatIsNotJava() {
    assertThatThrownBy(() -> JavaCommandLine.of(List.of("python3", "app.py")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("'python3' is not a java executable");
  }

  @Test
  void classPathFromCpWithWildcardAndMissingEntries() throws Exception {
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    Path lib = Files.createDirectories(tmp.resolve("lib"));
    Path guava = Files.createFile(lib.resolve("guava.jar"));
    String cp = String.join(File.pathSeparator, classes.toString(), lib + File.separator + "*",
        tmp.resolve("missing").toString());
    JavaCommandLine java = JavaCommandLine.of(List.of("java", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
        "-cp", cp, "com.acme.Main", "-cp", "not-ours"));
    assertThat(java.classPathEntries()).containsExactly(classes, guava);
  }

  @Test
  void classPathFromJarManifest() throws Exception {
    Path dependency = Files.createFile(tmp.resolve("dep.jar"));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "dep.jar absent.jar");
    Path app = tmp.resolve("app.jar");
    try (OutputStream out = new JarOutputStream(Files.newOutputStream(app), manifest)) {
      out.flush();
    }
    JavaCommandLine java = JavaCommandLine.of(List.of("java", "-jar", app.toString()));
    assertThat(java.classPathEntries()).containsExactly(app, dependency);
  }

  @Test
  void mainClassWithoutClassPathGivesNone() throws Exception {
    assertThat(JavaCommandLine.of(List.of("java", "com.acme.Main", "-cp", "x")).classPathEntries()).isEmpty();
  }
}
