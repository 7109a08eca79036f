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
 * @param allocationThrottle the {@code jdk.ObjectAllocationSample} throttle that {@code allocation-profiling}
 *     chose ({@code 1000/s}), in place of the settings' own; {@code null} to keep theirs
 * @param log {@code stderr}, {@code stdout}, {@code none} or a file to append to
 * @param instrument whether to rewrite the allocation sites of the {@code include} packages
 * @param sampleInterval instrumentation samples one allocation in this many, per thread
 * @param exactCounts instrumentation also counts every allocation per site
 * @param maxTracked instrumentation tracks at most this many sampled objects at a time
 * @param ownerPid the process that attached the agent, whose exit ends the recording early; 0 when none
 * @param reportMillis how often the agent logs the findings of the period just ended into the application's log;
 *     0 for never
 * @param reportFile where each periodic report is also written as JSON, replaced atomically; null for nowhere
 */
public record AgentArgs(
    String raw,
    Path out,
    long durationMillis,
    List<String> include,
    List<String> exclude,
    String settings,
    String allocationThrottle,
    String log,
    boolean instrument,
    long sampleInterval,
    boolean exactCounts,
    int maxTracked,
    long ownerPid,
    long reportMillis,
    Path reportFile) {

  public static final List<String> KEYS = List.of("out", "duration", "include", "exclude", "settings",
      "allocation-profiling", "log", "instrument", "sample", "count", "track", "owner", "report", "report-file");
  /**
   * The whole option string of a second attach that ends the running recording early, as its duration would;
   * {@code log=} may follow, as in {@code stop,log=/tmp/x.log}.
   */
  public static final String STOP = "stop";
  /** Instrumentation options, which mean nothing without {@code instrument=true}. */
  private static final List<String> INSTRUMENT_KEYS = List.of("sample", "count", "track");
  /**
   * One allocation in 1,024 per thread: a site with 1% of 15 million allocations a second (Jackson round trips on
   * one core) still gets 150 samples a second, while the sampled path (a weak reference each, processed by the
   * collector) costs a few percent of throughput rather than the several it costs at 1 in 256. See BENCHMARKS.md.
   */
  public static final long DEFAULT_SAMPLE_INTERVAL = 1_024;
  /** Objects in flight: a few MB of weak references at most, and many young collections' worth of samples. */
  public static final int DEFAULT_MAX_TRACKED = 20_000;
  public static final String DEFAULT_SETTINGS = "heapwise";
  public static final String DEFAULT_LOG = "stderr";
  /** JFR flushes its events to the disk repository, whence the reports read them, about once a second. */
  public static final long MIN_REPORT_MILLIS = 1_000;

  private static final String VALID_KEYS = "valid: " + String.join(", ", KEYS);
  private static final Pattern SAMPLE = Pattern.compile("(?:1/)?(\\d{1,9})");
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
    String allocationThrottle = null;
    String log = DEFAULT_LOG;
    boolean instrument = false;
    long sampleInterval = DEFAULT_SAMPLE_INTERVAL;
    boolean exactCounts = false;
    int maxTracked = DEFAULT_MAX_TRACKED;
    long ownerPid = 0;
    long reportMillis = 0;
    Path reportFile = null;
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
        case "allocation-profiling" -> allocationThrottle = parseAllocationProfiling(value);
        case "log" -> log = value;
        case "instrument" -> instrument = parseBoolean(key, value);
        case "sample" -> sampleInterval = parseSampleInterval(value);
        case "count" -> exactCounts = parseCount(value);
        case "track" -> maxTracked = parseTrack(value);
        case "owner" -> ownerPid = parseOwner(value);
        case "report" -> reportMillis = parseReportPeriod(value);
        case "report-file" -> reportFile = parsePath(key, value).toAbsolutePath().normalize();
        default -> throw new IllegalStateException(key); // unreachable: KEYS was checked above
      }
    }
    if (instrument && include.isEmpty()) {
      throw new InvalidOptionException("instrument=true needs include=<packages>, the packages whose allocation"
          + " sites to rewrite (e.g. include=com.acme;org.shop); rewriting every class would cost far more than"
          + " it tells");
    }
    if (!instrument) {
      for (String key : INSTRUMENT_KEYS) {
        if (seen.contains(key)) {
          throw new InvalidOptionException("option '" + key + "' only applies with instrument=true");
        }
      }
    }
    if (reportFile != null && reportMillis == 0) {
      throw new InvalidOptionException("report-file=" + reportFile + " needs report=<period>, how often to write"
          + " it (e.g. report=1m)");
    }
    return new AgentArgs(text, out.toAbsolutePath().normalize(), durationMillis, include, exclude, settings,
        allocationThrottle, log, instrument, sampleInterval, exactCounts, maxTracked, ownerPid, reportMillis,
        reportFile);
  }

  /** Whether {@code raw} asks to stop the running recording rather than to start one. */
  public static boolean isStopRequest(String raw) {
    return raw != null && raw.split(",", -1)[0].trim().equals(STOP);
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

  private static boolean parseBoolean(String key, String value) throws InvalidOptionException {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidOptionException("option '" + key + "' is true or false, not '" + value + "'");
    };
  }

  /** {@code 1/N} or {@code N}: one allocation in N is sampled. */
  private static long parseSampleInterval(String value) throws InvalidOptionException {
    Matcher m = SAMPLE.matcher(value);
    long interval = m.matches() ? Long.parseLong(m.group(1)) : 0;
    if (interval < 1) {
      throw new InvalidOptionException("bad sample rate '" + value + "' (use sample=1/N to sample one allocation"
          + " in N per thread, e.g. sample=1/" + DEFAULT_SAMPLE_INTERVAL + ", or sample=1/1 for every one)");
    }
    return interval;
  }

  /**
   * The throttle of a level of the JDK's own {@code allocation-profiling} option (default.jfc). Each allocation
   * sample weighs all its thread allocated since the previous one, so when the throttle cuts a burst of TLAB
   * refills, the next sample carries the whole burst. Measured on a 1.5 s test run at medium: 2 samples of 421
   * carried 43% of the bytes. {@code maximum} samples every refill: for test runs and CI gates.
   */
  private static String parseAllocationProfiling(String value) throws InvalidOptionException {
    return switch (value) {
      case "low" -> "150/s";
      case "medium" -> "300/s";
      case "high" -> "1000/s";
      case "maximum" -> "1000000000/s";
      default -> throw new InvalidOptionException("option 'allocation-profiling' is low (150 samples/s), medium"
          + " (300/s, the heapwise settings' own), high (1000/s) or maximum (every TLAB refill: for tests and CI"
          + " gates), not '" + value + "'");
    };
  }

  private static boolean parseCount(String value) throws InvalidOptionException {
    return switch (value) {
      case "exact" -> true;
      case "sampled" -> false;
      default -> throw new InvalidOptionException("option 'count' is exact or sampled, not '" + value + "'");
    };
  }

  private static int parseTrack(String value) throws InvalidOptionException {
    try {
      int track = Integer.parseInt(value);
      if (track >= 1 && track <= 10_000_000) {
        return track;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new InvalidOptionException("option 'track' is the number of sampled objects tracked at a time,"
        + " 1 to 10000000, not '" + value + "'");
  }

  private static long parseOwner(String value) throws InvalidOptionException {
    try {
      long pid = Long.parseLong(value);
      if (pid > 0) {
        return pid;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new InvalidOptionException("option 'owner' is the pid of the process whose exit ends the recording,"
        + " not '" + value + "'");
  }

  private static long parseReportPeriod(String value) throws InvalidOptionException {
    long millis = parseDuration(value);
    if (millis < MIN_REPORT_MILLIS) {
      throw new InvalidOptionException("option 'report' is how often to log the findings of the period, at"
          + " least " + formatDuration(MIN_REPORT_MILLIS) + " (JFR makes its events readable about once a second), e.g."
          + " report=1m, not '" + value + "'");
    }
    return millis;
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
