// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import io.heapwise.analyzer.gate.Comparison.Check;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in the source a check points, guessed from its id: a site id names the class, method, file and line
 * ({@code byte[] at com.acme.Codec.read(Codec.java:40)}), a finding id the class, method and line
 * ({@code UNSIZED_COLLECTION:com.acme.Book.match:61}). The path is what a Java project's source root holds for
 * the class: its package as folders, then the file (or the top-level class's name with {@code .java}).
 *
 * @param method the fully qualified method, {@code com.acme.Codec.read}
 * @param path relative to a source root, {@code com/acme/Codec.java}
 * @param line 1-based, or {@code null} when the id has none
 */
record SourceLocation(String method, String path, Integer line) {

  /** The first frame of a site id; a moved site's id ends with {@code (was <old id>)}, whose frame comes second. */
  private static final Pattern SITE_FRAME = Pattern.compile(
      " at ([\\p{L}\\p{N}_$.]+)\\.([^.(\\s]+)\\(([^():]*)(?::(\\d{1,9}))?\\)");
  /** {@code com.acme.OrderTest.totals(int)[2]}, as the Heapwise JUnit extension names a test. */
  private static final Pattern TEST_NAME = Pattern.compile("([\\p{L}\\p{N}_$.]+)\\.([^.(\\s]+)\\(.*");
  private static final Pattern FINDING_SITE = Pattern.compile(
      "[A-Z_]+:([\\p{L}\\p{N}_$.]+)\\.([^.:\\s]+)(?::(\\d{1,9}))?");

  static Optional<SourceLocation> of(Check check) {
    return switch (check.kind()) {
      case SITE -> ofSite(check.name());
      case FINDING -> ofFinding(check.name());
      case TEST -> ofTest(check.name());
      case TOTAL -> Optional.empty();
    };
  }

  static Optional<SourceLocation> ofSite(String siteId) {
    Matcher m = SITE_FRAME.matcher(siteId);
    if (!m.find()) {
      return Optional.empty();
    }
    String className = m.group(1);
    String file = m.group(3);
    if (file.isEmpty() || file.equals("Unknown Source") || file.contains("/")) {
      file = null;
    }
    return Optional.of(new SourceLocation(className + "." + m.group(2), path(className, file), line(m.group(4))));
  }

  /** The test's class file; its line is unknown, since JUnit names methods, not lines. */
  static Optional<SourceLocation> ofTest(String testName) {
    Matcher m = TEST_NAME.matcher(testName);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new SourceLocation(m.group(1) + "." + m.group(2), path(m.group(1), null), null));
  }

  static Optional<SourceLocation> ofFinding(String findingId) {
    Matcher m = FINDING_SITE.matcher(findingId);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new SourceLocation(m.group(1) + "." + m.group(2), path(m.group(1), null), line(m.group(3))));
  }

  /**
   * {@code com/acme/Book.java} for {@code com.acme.Book$Page}: where a source root holds the class, guessing that the
   * outer class's file is named after it, as the line-number table almost always says.
   */
  static String path(String className) {
    return path(className, null);
  }

  /** {@code com/acme/Book.java} for {@code com.acme.Book$Page} in {@code Book.java}. */
  private static String path(String className, String file) {
    int dot = className.lastIndexOf('.');
    String folder = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
    if (file == null) {
      String simple = className.substring(dot + 1);
      int nested = simple.indexOf('$');
      file = (nested > 0 ? simple.substring(0, nested) : simple) + ".java";
    }
    return folder + file;
  }

  private static Integer line(String digits) {
    if (digits == null) {
      return null;
    }
    int line = Integer.parseInt(digits);
    return line > 0 ? line : null;
  }
}
