// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the JVM's names for types and versions into the ones developers write; e.g. type descriptors ({@code [B}, {@code [Ljava.lang.Object;}) into the names developers write. */
final class TypeNames {

  private static final Pattern VERSION_IN_BANNER = Pattern.compile("\\((\\d[^)\\s]*)\\)");
  private static final String LAMBDA_COUNTER = "$$Lambda$";

  private TypeNames() {
  }

  /** The JVM names lambda classes {@code Outer$$Lambda$12/0x...} (JDK 17) or {@code Outer$$Lambda/0x...} (21+). */
  static boolean isLambda(String javaName) {
    return javaName.contains("$$Lambda");
  }

  /**
   * Hidden classes carry their address ({@code LambdaForm$MH/0x0000000801578c00}, {@code +0x...} in some
   * recordings), and JDK 17's lambda classes a counter ({@code Main$$Lambda$614}); both differ between runs and
   * JDKs and would split one frame or type into many, and make a gate see a new site in every run: dropped.
   */
  static String withoutHiddenSuffix(String className) {
    int suffix = className.indexOf("/0x");
    if (suffix < 0) {
      suffix = className.indexOf(".0x");
    }
    if (suffix < 0) {
      suffix = className.indexOf("+0x");
    }
    String name = suffix > 0 ? className.substring(0, suffix) : className;
    int lambda = name.indexOf(LAMBDA_COUNTER);
    if (lambda < 0) {
      return name;
    }
    int digits = lambda + LAMBDA_COUNTER.length();
    int end = digits;
    while (end < name.length() && Character.isDigit(name.charAt(end))) {
      end++;
    }
    return end > digits ? name.substring(0, digits - 1) + name.substring(end) : name;
  }

  /**
   * The version from {@code jdk.JVMInformation}'s {@code jvmVersion}, which is the VM's whole banner, e.g.
   * {@code OpenJDK 64-Bit Server VM (17.0.2+8-86) for linux-amd64 JRE (17.0.2+8-86), built on ...}.
   */
  static String jdkVersion(String jvmVersion) {
    if (jvmVersion == null) {
      return null;
    }
    Matcher version = VERSION_IN_BANNER.matcher(jvmVersion);
    return version.find() ? version.group(1) : jvmVersion.strip();
  }

  /**
   * A class or type name as the agent writes it, in the form JFR frames and {@link #toJava} give: the contract
   * asks for Java names ({@code byte[]}, {@code com.acme.Book}), and internal names or descriptors
   * ({@code [B}, {@code com/acme/Book}) are taken too rather than silently never matching.
   */
  static String agentName(String name) {
    return toJava(withoutHiddenSuffix(name.strip())).replace('/', '.');
  }

  static String toJava(String name) {
    if (name == null || name.isEmpty() || name.charAt(0) != '[') {
      return name;
    }
    int dimensions = 0;
    while (dimensions < name.length() && name.charAt(dimensions) == '[') {
      dimensions++;
    }
    String element = switch (name.charAt(dimensions)) {
      case 'Z' -> "boolean";
      case 'B' -> "byte";
      case 'C' -> "char";
      case 'S' -> "short";
      case 'I' -> "int";
      case 'J' -> "long";
      case 'F' -> "float";
      case 'D' -> "double";
      case 'L' -> name.substring(dimensions + 1, name.endsWith(";") ? name.length() - 1 : name.length());
      default -> name.substring(dimensions);
    };
    return element.replace('/', '.') + "[]".repeat(dimensions);
  }
}
