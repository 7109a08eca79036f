// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * What the CLI may assume about where its output goes: whether a person is watching (progress, countdowns),
 * whether colours are welcome, and whether to show stack traces.
 *
 * @param interactive a terminal is attached, so {@code \r} progress lines are seen rather than logged
 * @param env the environment, read for {@code NO_COLOR} and {@code HEAPWISE_DEBUG}
 */
record Terminal(boolean interactive, Map<String, String> env) {

  Terminal {
    env = Map.copyOf(env);
  }

  /** The real terminal of this process. */
  static Terminal detect() {
    return new Terminal(consoleIsTerminal(), System.getenv());
  }

  /** For output captured by a caller (tests): never colours, never progress lines. */
  static Terminal captured() {
    return new Terminal(false, System.getenv());
  }

  /** Colours only for a person, and never when they asked for none (https://no-color.org). */
  boolean colour() {
    String noColor = env.get("NO_COLOR");
    return interactive && (noColor == null || noColor.isEmpty());
  }

  boolean debug() {
    return "1".equals(env.get("HEAPWISE_DEBUG"));
  }

  private static boolean consoleIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // Since JDK 22 System.console() returns a console even when output is redirected; isTerminal() (JDK 22+)
    // tells the two apart. Called reflectively because we compile for release 17.
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
