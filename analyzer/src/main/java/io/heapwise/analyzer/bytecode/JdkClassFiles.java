// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The class files of the running JDK ({@code java.util.ArrayList}, {@code java.lang.Integer}), read from its
 * {@code jrt:/} file system without loading the classes. Escape analysis follows objects into JDK callees
 * (iterators, boxing, {@code StringBuilder}), which {@link ClassFiles} does not hold. The running JDK stands in for
 * the recording's: a method's bytecode may differ between releases, so verdicts that depend on JDK internals can too.
 */
public final class JdkClassFiles {

  /** Read each class once per process: the JDK's classes do not change while it runs. */
  private static final Map<String, Optional<byte[]>> READ = new ConcurrentHashMap<>();
  /** The modules that hold each package ({@code /packages/java.util} lists {@code java.base}). */
  private static final Map<String, List<String>> MODULES = new ConcurrentHashMap<>();
  /** Bounds the cache: a long-lived analyzer may read many classes; reading one again is cheap. */
  private static final int MAX_CACHED = 4096;

  private JdkClassFiles() {
  }

  /** The class file of {@code java.util.ArrayList$Itr}; empty when the running JDK has no such class. */
  public static Optional<byte[]> find(String binaryClassName) {
    Optional<byte[]> cached = READ.get(binaryClassName);
    if (cached != null) {
      return cached;
    }
    Optional<byte[]> read = read(binaryClassName);
    if (READ.size() >= MAX_CACHED) {
      READ.clear();
    }
    READ.put(binaryClassName, read);
    return read;
  }

  private static Optional<byte[]> read(String binaryClassName) {
    FileSystem jrt = Holder.JRT;
    int dot = binaryClassName.lastIndexOf('.');
    if (jrt == null || dot <= 0) {
      return Optional.empty();
    }
    String packageName = binaryClassName.substring(0, dot);
    String resource = binaryClassName.replace('.', '/') + ".class";
    try {
      for (String module : MODULES.computeIfAbsent(packageName, JdkClassFiles::modulesOf)) {
        Path file = jrt.getPath("/modules", module, resource);
        if (Files.isRegularFile(file)) {
          return Optional.of(Files.readAllBytes(file));
        }
      }
    } catch (IOException | RuntimeException e) {
      // A JDK without the class, or an odd image: the callee is then unknown, which the analysis handles.
    }
    return Optional.empty();
  }

  private static List<String> modulesOf(String packageName) {
    Path dir = Holder.JRT.getPath("/packages", packageName);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> modules = Files.list(dir)) {
      return modules.map(path -> path.getFileName().toString()).sorted().toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** Opens the file system on first use only: most analyses never need it. */
  private static final class Holder {
    static final FileSystem JRT = open();

    private static FileSystem open() {
      try {
        return FileSystems.getFileSystem(URI.create("jrt:/"));
      } catch (RuntimeException e) {
        return null;
      }
    }
  }
}
