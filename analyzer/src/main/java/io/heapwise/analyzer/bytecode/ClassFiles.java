// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The application's class files, from the entries of {@code --classpath} (jars and directories) or from the
 * recording itself when the agent embedded them, looked up by binary class name. The only place the analyzer
 * reads class files from disk.
 */
public final class ClassFiles implements AutoCloseable {

  /** No class path given: every lookup misses, and detectors say what they could not check. */
  public static final ClassFiles NONE = new ClassFiles(List.of(), List.of(), Map.of());

  private final List<Path> directories;
  private final List<ZipFile> jars;
  private final Map<String, byte[]> embedded;
  /** Several detectors ask for the same hot classes (sizes, layouts, constructors): read each one once. */
  private final Map<String, Optional<byte[]>> read = new ConcurrentHashMap<>();

  private ClassFiles(List<Path> directories, List<ZipFile> jars, Map<String, byte[]> embedded) {
    this.directories = directories;
    this.jars = jars;
    this.embedded = embedded;
  }

  /**
   * These class files, then the ones a recording carries ({@code heapwise.ClassFile}) for classes the class path
   * lacks. The result shares this one's open jars: close this one, not the result.
   */
  public ClassFiles withEmbedded(Map<String, byte[]> classFiles) {
    return classFiles.isEmpty() ? this : new ClassFiles(directories, jars, Map.copyOf(classFiles));
  }

  /** Opens the entries; entries that do not exist were rejected by the CLI, so here they are an error. */
  public static ClassFiles open(List<Path> entries) throws IOException {
    List<Path> directories = new ArrayList<>();
    List<ZipFile> jars = new ArrayList<>();
    try {
      for (Path entry : entries) {
        if (Files.isDirectory(entry)) {
          directories.add(entry);
        } else {
          jars.add(new ZipFile(entry.toFile()));
        }
      }
    } catch (IOException e) {
      for (ZipFile jar : jars) {
        jar.close();
      }
      throw new IOException("cannot open class path entry: " + e.getMessage(), e);
    }
    return new ClassFiles(List.copyOf(directories), List.copyOf(jars), Map.of());
  }

  public boolean isEmpty() {
    return directories.isEmpty() && jars.isEmpty() && embedded.isEmpty();
  }

  /** The class file of {@code com.acme.Outer$Inner}, from the first entry that has it. */
  public Optional<byte[]> find(String binaryClassName) {
    return read.computeIfAbsent(binaryClassName, this::load);
  }

  private Optional<byte[]> load(String binaryClassName) {
    String resource = binaryClassName.replace('.', '/') + ".class";
    try {
      for (Path dir : directories) {
        Path file = dir.resolve(resource);
        if (Files.isRegularFile(file)) {
          return Optional.of(Files.readAllBytes(file));
        }
      }
      for (ZipFile jar : jars) {
        ZipEntry entry = jar.getEntry(resource);
        if (entry != null) {
          try (InputStream in = jar.getInputStream(entry)) {
            return Optional.of(in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
    }
    return Optional.ofNullable(embedded.get(binaryClassName));
  }

  /**
   * The binary names of the classes of one package ({@code com.acme}), from every entry: where escape analysis
   * looks for the implementations of an abstract method. Empty when none can be listed.
   */
  List<String> classNamesIn(String packageName) {
    String prefix = packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/";
    java.util.Set<String> names = new java.util.TreeSet<>();
    try {
      for (Path dir : directories) {
        Path folder = dir.resolve(prefix);
        if (Files.isDirectory(folder)) {
          try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            files.map(file -> file.getFileName().toString()).forEach(file -> addClass(names, prefix + file));
          }
        }
      }
      for (ZipFile jar : jars) {
        jar.stream().map(ZipEntry::getName)
            .filter(entry -> entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0)
            .forEach(entry -> addClass(names, entry));
      }
    } catch (IOException | RuntimeException e) {
      // A listing is a hint: what could not be listed is not looked at.
    }
    for (String name : embedded.keySet()) {
      int dot = name.lastIndexOf('.');
      if ((dot < 0 ? "" : name.substring(0, dot)).equals(packageName)) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  private static void addClass(java.util.Set<String> names, String resource) {
    if (resource.endsWith(".class") && !resource.endsWith("module-info.class")
        && !resource.endsWith("package-info.class")) {
      names.add(resource.substring(0, resource.length() - ".class".length()).replace('/', '.'));
    }
  }

  @Override
  public void close() throws IOException {
    for (ZipFile jar : jars) {
      jar.close();
    }
  }
}
