// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import java.util.regex.Pattern;

/** The few ANSI styles the text report uses; identity functions when colour is off. */
final class Ansi {

  private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-9;]*m");

  private final boolean on;

  Ansi(boolean on) {
    this.on = on;
  }

  String bold(String s) {
    return style("1", s);
  }

  String dim(String s) {
    return style("2", s);
  }

  String red(String s) {
    return style("1;31", s);
  }

  String yellow(String s) {
    return style("33", s);
  }

  String cyan(String s) {
    return style("36", s);
  }

  private String style(String code, String s) {
    return on ? "\u001B[" + code + "m" + s + "\u001B[0m" : s;
  }

  static int visibleLength(String s) {
    return ESCAPES.matcher(s).replaceAll("").length();
  }
}
