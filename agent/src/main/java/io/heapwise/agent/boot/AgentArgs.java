// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.boot;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's options, parsed from {@code key=value} pairs separated by commas.
 *
 * @param raw the option string exactly as given ("" when none), recorded in the Session event
 * @param out absolute path of the .jfr file
 * @param durationMillis how long to record; 0 means until the JVM exits
 * @param include package prefixes of the application's own code
 * @param exclude package prefixes to treat as libraries
 * @param settings {@code heapwise}, {@code default}, {@code profile} or a path to a .jfc file
 * @param log {@code stderr}, {@code stdout}, {@code none} or a file to append to
 */
public record AgentArgs(
    String raw,
    Path out,
    long durationMillis,
    List<String> include,
    List<String> exclude,
    String settings,
    String log) {

  public static final List<String> KEYS = List.of("out", "duration", "include", "exclude", "settings", "log");
  public static final String DEFAULT_SETTINGS = "heapwise";
  public static final String DEFAULT_LOG = "stderr";

  private static final String VALID_KEYS = "valid: " + String.join(", ", KEYS);
  private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h)?");
  private static final Pattern PACKAGE =
      Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
          + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

  public AgentArgs {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** Parses {@code raw} (null or blank means all defaults); {@code pid} and {@code now} name the default file. */
  public static AgentArgs parse(String raw, long pid, LocalDateTime now) throws InvalidOptionException {
    String text = raw == null ? "" : raw;
    Path out = Path.of("heapwise-" + pid + "-" + STAMP.format(now) + ".jfr");
    long durationMillis = 0;
    List<String> include = List.of();
    List<String> exclude = List.of();
    String settings = DEFAULT_SETTINGS;
    String log = DEFAULT_LOG;
    Set<String> seen = new HashSet<>();
    for (String pair : text.split(",")) {
      if (pair.isBlank()) {
        continue; // tolerate "a=1,,b=2" and a trailing comma
      }
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new InvalidOptionException("malformed option '" + pair.trim() + "', expected key=value (" + VALID_KEYS + ")");
      }
      String key = pair.substring(0, eq).trim();
      String value = pair.substring(eq + 1).trim();
      if (!KEYS.contains(key)) {
        throw new InvalidOptionException("unknown option '" + key + "' (" + VALID_KEYS + ")");
      }
      if (value.isEmpty()) {
        throw new InvalidOptionException("option '" + key + "' has an empty value (" + VALID_KEYS + ")");
      }
      if (!seen.add(key)) {
        throw new InvalidOptionException("option '" + key + "' is given twice (" + VALID_KEYS + ")");
      }
      switch (key) {
        case "out" -> out = parsePath(key, value);
        case "duration" -> durationMillis = parseDuration(value);
        case "include" -> include = parsePackages(key, value);
        case "exclude" -> exclude = parsePackages(key, value);
        case "settings" -> settings = value;
        case "log" -> log = value;
        default -> throw new IllegalStateException(key); // unreachable: KEYS was checked above
      }
    }
    return new AgentArgs(text, out.toAbsolutePath().normalize(), durationMillis, include, exclude, settings, log);
  }

  /**
   * The {@code log} value of {@code raw}, found without validating anything else, so that even an error in the
   * other options is reported where the user asked.
   */
  public static String logTarget(String raw) {
    String target = DEFAULT_LOG;
    if (raw != null) {
      for (String pair : raw.split(",")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equals("log") && !pair.substring(eq + 1).isBlank()) {
          target = pair.substring(eq + 1).trim();
        }
      }
    }
    return target;
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or a plain number of seconds, in milliseconds. */
  public static long parseDuration(String value) throws InvalidOptionException {
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw new InvalidOptionException(
          "bad duration '" + value + "' (use 500ms, 30s, 5m, 1h, a number of seconds, or 0 for until exit)");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    long scale = switch (unit) {
      case "ms" -> 1;
      case "s" -> 1_000;
      case "m" -> 60_000;
      default -> 3_600_000;
    };
    return amount * scale; // at most 12 digits times 3.6e6: no overflow
  }

  /** The shortest exact form of a duration, for log lines: {@code 30s}, {@code 1500ms}, {@code 5m}. */
  public static String formatDuration(long millis) {
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    } else if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    } else if (millis % 1_000 == 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }

  private static Path parsePath(String key, String value) throws InvalidOptionException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new InvalidOptionException("option '" + key + "' is not a valid path: " + e.getMessage());
    }
  }

  private static List<String> parsePackages(String key, String value) throws InvalidOptionException {
    List<String> prefixes = new ArrayList<>();
    for (String part : value.split(";")) {
      String prefix = part.trim();
      if (prefix.isEmpty()) {
        continue;
      }
      // Users write the glob they know from other tools; a prefix match already covers sub-packages.
      if (prefix.endsWith(".**")) {
        prefix = prefix.substring(0, prefix.length() - 3);
      } else if (prefix.endsWith(".*")) {
        prefix = prefix.substring(0, prefix.length() - 2);
      }
      if (!PACKAGE.matcher(prefix).matches()) {
        throw new InvalidOptionException("bad package prefix '" + part.trim() + "' in option '" + key
            + "' (use package names separated by ';', e.g. " + key + "=com.acme;org.shop.**)");
      }
      prefixes.add(prefix);
    }
    return prefixes;
  }

  /** An option string the agent cannot use; the message names the problem for the one log line. */
  public static final class InvalidOptionException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidOptionException(String message) {
      super(message);
    }
  }
}
