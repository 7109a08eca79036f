// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as the agent accepts them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or a plain number of
 * seconds. The CLI validates them and passes the text through unchanged, so both sides read it the same way.
 */
final class Durations {

  static final String FORMS = "500ms, 30s, 5m, 1h, or a number of seconds";

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

  private Durations() {
  }

  static Duration parse(String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration (use " + FORMS + ")");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration duration = switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofSeconds(amount);
    };
    if (duration.isZero()) {
      throw new IllegalArgumentException("'" + text + "' is not a positive duration");
    }
    return duration;
  }

  /** Validates an option's value and keeps its text for the agent. */
  static final class Text implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        parse(value);
        return value.trim().toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
