// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRootsTest {

  @TempDir
  Path dir;

  @Test
  void givenRootsComeFirstThenTheSourcesBesideEachClassPathEntry() throws Exception {
    Path given = Files.createDirectories(dir.resolve("elsewhere/src"));
    Path classes = Files.createDirectories(dir.resolve("orders/target/classes"));
    Path sources = Files.createDirectories(dir.resolve("orders/src/main/java"));
    Path gradleClasses = Files.createDirectories(dir.resolve("billing/build/classes/java/main"));
    Path gradleSources = Files.createDirectories(dir.resolve("billing/src/main/java"));
    Path jar = Files.createFile(dir.resolve("lib-guava.jar"));
    Path sourcesJar = Files.createFile(dir.resolve("lib-guava-sources.jar"));
    Path jarWithoutSources = Files.createFile(dir.resolve("netty.jar"));

    List<Path> roots = SourceRoots.of(List.of(given), List.of(classes, gradleClasses, jar, jarWithoutSources));

    assertThat(roots).containsExactly(given, classes, sources.toAbsolutePath().normalize(), gradleClasses,
        gradleSources.toAbsolutePath().normalize(), sourcesJar);
  }

  @Test
  void aBuildOutputWithoutSourcesBesideItIsSearchedAlone() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("app/target/classes"));

    assertThat(SourceRoots.of(List.of(), List.of(classes))).containsExactly(classes);
  }
}
