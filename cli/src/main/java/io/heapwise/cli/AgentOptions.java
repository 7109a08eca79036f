// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's option string, {@code out=/abs/app.jfr,duration=30s,include=a;b,exclude=c,settings=S,instrument=true}. The agent
 * splits it at {@code ,} and {@code =}, and lists at {@code ;}, so values holding those characters are refused
 * here rather than silently cut there.
 *
 * @param duration {@code null} to record until the application exits
 * @param settings {@code null} for the agent's default JFR settings
 * @param allocationProfiling {@code low}, {@code medium}, {@code high} or {@code maximum}; {@code null} for the
 *     settings' own allocation sample rate
 * @param instrument whether the agent rewrites the included packages' allocation sites to measure lifetimes
 * @param sample {@code 1/N}, or {@code null} for the agent's default sampling
 */
record AgentOptions(Path out, String duration, List<String> include, List<String> exclude, String settings,
    String allocationProfiling, boolean instrument, String sample) {

  /** The levels of the JDK's {@code allocation-profiling} option, which the agent takes by the same names. */
  static final List<String> ALLOCATION_PROFILING_LEVELS = List.of("low", "medium", "high", "maximum");

  AgentOptions {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  String render() throws BadInputException {
    List<String> pairs = new ArrayList<>();
    pairs.add("out=" + value("--out", out.toAbsolutePath().normalize().toString(), ",="));
    if (duration != null) {
      pairs.add("duration=" + value("--duration", duration, ",=;"));
    }
    if (!include.isEmpty()) {
      pairs.add("include=" + list("--include", include));
    }
    if (!exclude.isEmpty()) {
      pairs.add("exclude=" + list("--exclude", exclude));
    }
    if (settings != null) {
      pairs.add("settings=" + value("--settings", settings, ",=;"));
    }
    if (allocationProfiling != null) {
      if (!ALLOCATION_PROFILING_LEVELS.contains(allocationProfiling)) {
        throw new BadInputException("--allocation-profiling is low, medium, high or maximum (150, 300 or 1000"
            + " samples/s, or every TLAB refill), not '" + allocationProfiling + "'");
      }
      pairs.add("allocation-profiling=" + allocationProfiling);
    }
    if (instrument) {
      if (include.isEmpty()) {
        throw new BadInputException("--instrument needs --include PKG: the packages whose allocation sites the"
            + " agent rewrites (your code, and libraries whose allocations you want measured)");
      }
      pairs.add("instrument=true");
    }
    if (sample != null) {
      if (!instrument) {
        throw new BadInputException("--sample only applies with --instrument");
      }
      pairs.add("sample=" + value("--sample", sample, ",=;"));
    }
    return String.join(",", pairs);
  }

  private static String list(String option, List<String> packages) throws BadInputException {
    List<String> checked = new ArrayList<>();
    for (String p : packages) {
      checked.add(value(option, p.trim(), ",=; "));
    }
    return String.join(";", checked);
  }

  private static String value(String option, String value, String forbidden) throws BadInputException {
    if (value.isEmpty()) {
      throw new BadInputException(option + " must not be empty");
    }
    for (char c : forbidden.toCharArray()) {
      if (value.indexOf(c) >= 0) {
        throw new BadInputException(option + " '" + value + "' must not contain '" + c
            + "' (the agent's options use it as a separator)");
      }
    }
    return value;
  }
}
