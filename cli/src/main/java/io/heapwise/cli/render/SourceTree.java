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
import java.util.Optional;
import java.util.Set;

/**
 * Finds a class's source file in the working tree. Code scanning resolves a SARIF result's path against the
 * repository's checkout, so {@code com/acme/Book.java} must become {@code orders/src/main/java/com/acme/Book.java}
 * before a pull request can show the result on that line. The gate runs in CI from the checkout's root, where a
 * Maven or Gradle build keeps its sources in {@code src/main/java} of the root or of a module, nested up to
 * {@value #MAX_MODULE_DEPTH} levels ({@code services/orders/api}).
 */
final class SourceTree {

  private static final List<String> SOURCE_ROOTS = List.of("src/main/java", "src/test/java", "src/main/kotlin",
      "src/test/kotlin", "src/main/scala", "src/test/scala");
  /** Deep enough for nested modules, shallow enough that a monorepo's checkout is not read whole. */
  static final int MAX_MODULE_DEPTH = 3;
  /** Directories that hold build output, dependencies or metadata, never a module's sources. */
  private static final Set<String> NOT_MODULES = Set.of("target", "build", "out", "bin", "node_modules", "src");
  /** At most this many directories looked into, for a checkout with huge non-Java trees. */
  private static final int MAX_DIRECTORIES = 20_000;

  private final Path base;
  private final Map<String, String> resolved = new HashMap<>();
  private List<Path> roots;

  /** @param base the checkout's root: the working directory */
  SourceTree(Path base) {
    this.base = base.toAbsolutePath().normalize();
  }

  /**
   * The path of {@code packagePath} relative to the base when a source root holds it, the shallowest found first,
   * with '/' separators; else {@code packagePath} as it is.
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

  /** {@code file}'s path relative to the checkout with '/' separators, when it is inside it. */
  Optional<String> relative(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(base)
        ? Optional.of(base.relativize(absolute).toString().replace('\\', '/')) : Optional.empty();
  }

  /** Source roots of the base and its modules, breadth first and by name, so that the result is repeatable. */
  private List<Path> roots() {
    if (roots == null) {
      roots = new ArrayList<>();
      List<Path> level = List.of(base);
      int looked = 0;
      for (int depth = 0; depth <= MAX_MODULE_DEPTH && !level.isEmpty(); depth++) {
        List<Path> next = new ArrayList<>();
        for (Path dir : level) {
          addRoots(dir);
          if (depth < MAX_MODULE_DEPTH && looked < MAX_DIRECTORIES) {
            looked += addModules(dir, next);
          }
        }
        level = next;
      }
    }
    return roots;
  }

  private static int addModules(Path dir, List<Path> modules) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path child : entries) {
        String name = child.getFileName().toString();
        if (!name.startsWith(".") && !NOT_MODULES.contains(name) && !Files.isSymbolicLink(child)) {
          children.add(child);
        }
      }
    } catch (IOException e) {
      // An unreadable directory holds no sources we can name; the paths stay relative to the source root.
    }
    children.sort(null);
    modules.addAll(children);
    return children.size();
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
