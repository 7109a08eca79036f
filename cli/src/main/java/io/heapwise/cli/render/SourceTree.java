// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a class's source file in the working tree. Code scanning resolves a SARIF result's path against the
 * repository's checkout, so {@code com/acme/Book.java} must become {@code orders/src/main/java/com/acme/Book.java}
 * before a pull request can show the result on that line. The gate runs in CI from the checkout's root, where a
 * Maven or Gradle build keeps its sources in {@code src/main/java} of the root or of a module one level down.
 */
final class SourceTree {

  private static final List<String> SOURCE_ROOTS = List.of("src/main/java", "src/test/java", "src/main/kotlin",
      "src/test/kotlin", "src/main/scala", "src/test/scala");

  private final Path base;
  private final Map<String, String> resolved = new HashMap<>();
  private List<Path> roots;

  /** @param base the checkout's root: the working directory */
  SourceTree(Path base) {
    this.base = base.toAbsolutePath().normalize();
  }

  /**
   * The path of {@code packagePath} relative to the base when a source root holds it, the first found, with '/'
   * separators; else {@code packagePath} as it is.
   */
  String resolve(String packagePath) {
    return resolved.computeIfAbsent(packagePath, path -> {
      for (Path root : roots()) {
        Path file = root.resolve(path);
        if (Files.isRegularFile(file)) {
          return base.relativize(file).toString().replace('\\', '/');
        }
      }
      return path;
    });
  }

  private List<Path> roots() {
    if (roots == null) {
      roots = new ArrayList<>();
      addRoots(base);
      try (DirectoryStream<Path> modules = Files.newDirectoryStream(base, Files::isDirectory)) {
        for (Path module : modules) {
          String name = module.getFileName().toString();
          if (!name.startsWith(".") && !name.equals("target") && !name.equals("build")) {
            addRoots(module);
          }
        }
      } catch (IOException e) {
        // An unreadable working directory: the paths stay relative to the source root.
      }
    }
    return roots;
  }

  private void addRoots(Path dir) {
    for (String root : SOURCE_ROOTS) {
      Path candidate = dir.resolve(root);
      if (Files.isDirectory(candidate)) {
        roots.add(candidate);
      }
    }
  }
}
