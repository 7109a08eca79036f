// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line a sample marks with {@code // planted: KIND}, read from its source: tests assert against the marker,
 * so editing a sample never silently breaks them with a stale line number.
 */
public record PlantedSite(String className, String method, int line, String kind) {

  private static final Pattern MARKER = Pattern.compile("//\\s*planted:\\s*([A-Z_]+)");
  private static final Pattern CONSTRUCTOR_MARKER = Pattern.compile("//\\s*planted-constructor:\\s*[A-Z_]+");
  /** A member declaration at the samples' class-body indentation (4 spaces): {@code List<X> match(Order o) {}. */
  private static final Pattern METHOD = Pattern.compile("^    (?!\\s|return\\b|new\\b|throw\\b)[\\w@<>\\[\\],.? ]*?\\b(\\w+)\\s*\\(");

  public static PlantedSite of(String className) throws IOException {
    String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
    Path source = TestEnvironment.samplesSource().resolve(outer.replace('.', '/') + ".java");
    List<String> lines = Files.readAllLines(source);
    PlantedSite found = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher marker = MARKER.matcher(lines.get(i));
      if (marker.find()) {
        if (found != null) {
          throw new IllegalStateException(source + " has more than one '// planted:' marker");
        }
        found = new PlantedSite(className, enclosingMethod(lines, i, source), i + 1, marker.group(1));
      }
    }
    if (found == null) {
      throw new IllegalStateException(source + " has no '// planted:' marker");
    }
    return found;
  }

  /**
   * The line a sample marks with {@code // planted-constructor: KIND}: where the planted problem's object is
   * constructed, for kinds whose fix is there rather than at the planted line (a collection's default capacity).
   */
  public static int constructorLine(String className) throws IOException {
    return markedLine(className, line -> CONSTRUCTOR_MARKER.matcher(line).find(), "'// planted-constructor:'");
  }

  /** The line of the sample's source that ends with {@code marker}, such as {@code // site: ticks}. */
  public static int lineEndingWith(String className, String marker) throws IOException {
    return markedLine(className, line -> line.strip().endsWith(marker), "'" + marker + "'");
  }

  private static int markedLine(String className, Predicate<String> marked, String markerName) throws IOException {
    String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
    Path source = TestEnvironment.samplesSource().resolve(outer.replace('.', '/') + ".java");
    List<String> lines = Files.readAllLines(source);
    for (int i = 0; i < lines.size(); i++) {
      if (marked.test(lines.get(i))) {
        return i + 1;
      }
    }
    throw new IllegalStateException(source + " has no " + markerName + " marker");
  }

  private static String enclosingMethod(List<String> lines, int markerIndex, Path source) {
    for (int i = markerIndex; i >= 0; i--) {
      Matcher method = METHOD.matcher(lines.get(i));
      if (method.find()) {
        return method.group(1);
      }
    }
    throw new IllegalStateException(source + ": no method declaration above line " + (markerIndex + 1));
  }

  /** {@code io.heapwise.samples.unsized.OrderBook.match:56}, as in finding ids. */
  @Override
  public String toString() {
    return className + "." + method + ":" + line + " (" + kind + ")";
  }
}
