// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the HTML report looks for the source lines of its findings: the {@code --sources} roots first, then the
 * sources that sit next to the application's classes. A Maven or Gradle build writes its classes beside the sources
 * they came from ({@code target/classes} and {@code src/main/java}), an IDE may keep both in one folder, and a
 * dependency's {@code X-sources.jar} is published beside {@code X.jar}.
 */
final class SourceRoots {

  /** Build output folders, as a path's last segments, and where their sources are from the build's root. */
  private static final Map<List<String>, String> BUILD_OUTPUTS = Map.of(
      List.of("target", "classes"), "src/main/java",
      List.of("target", "test-classes"), "src/test/java",
      List.of("build", "classes", "java", "main"), "src/main/java",
      List.of("build", "classes", "java", "test"), "src/test/java",
      List.of("out", "production", "classes"), "src/main/java");

  private SourceRoots() {
  }

  /** The roots that exist, in the order they are searched; none is required to. */
  static List<Path> of(List<Path> given, List<Path> classPath) {
    Set<Path> roots = new LinkedHashSet<>(given);
    for (Path entry : classPath) {
      if (Files.isDirectory(entry)) {
        roots.add(entry);
        sourcesOfBuildOutput(entry.toAbsolutePath().normalize()).ifPresent(roots::add);
      } else {
        String name = entry.getFileName().toString();
        if (name.endsWith(".jar")) {
          roots.add(entry.resolveSibling(name.substring(0, name.length() - 4) + "-sources.jar"));
        }
      }
    }
    return roots.stream().filter(Files::exists).toList();
  }

  private static Optional<Path> sourcesOfBuildOutput(Path dir) {
    for (Map.Entry<List<String>, String> output : BUILD_OUTPUTS.entrySet()) {
      List<String> tail = output.getKey();
      if (dir.getNameCount() > tail.size() && endsWith(dir, tail)) {
        Path build = dir;
        for (int i = 0; i < tail.size(); i++) {
          build = build.getParent();
        }
        return Optional.of(build.resolve(output.getValue()));
      }
    }
    return Optional.empty();
  }

  private static boolean endsWith(Path dir, List<String> tail) {
    int offset = dir.getNameCount() - tail.size();
    for (int i = 0; i < tail.size(); i++) {
      if (!dir.getName(offset + i).toString().equals(tail.get(i))) {
        return false;
      }
    }
    return true;
  }
}
