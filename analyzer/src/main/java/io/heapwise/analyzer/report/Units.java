// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers for people: binary byte units, rates, shares; always {@link Locale#ROOT} so reports diff cleanly. Shared
 * by every text a person reads: the CLI's reports and live view, and the agent's log summaries.
 */
public final class Units {

  private static final String[] BYTE_UNITS = {"B", "KB", "MB", "GB", "TB"};
  private static final double KB = 1024.0;
  private static final double MB = KB * KB;
  /** Fractions in evidence (shares, ratios, milliseconds) rarely mean anything past four significant digits. */
  private static final MathContext EVIDENCE_PRECISION = new MathContext(4);
  private static final double WHOLE_NUMBER_ABOVE = 1000;

  private Units() {
  }

  public static String bytes(double bytes) {
    if (bytes < 0) {
      return "n/a";
    }
    int unit = 0;
    double value = bytes;
    while (value >= KB && unit < BYTE_UNITS.length - 1) {
      value /= KB;
      unit++;
    }
    return unit == 0
        ? String.format(Locale.ROOT, "%.0f %s", value, BYTE_UNITS[unit])
        : String.format(Locale.ROOT, "%.1f %s", value, BYTE_UNITS[unit]);
  }

  public static String mbPerSecond(double bytesPerSecond) {
    return String.format(Locale.ROOT, "%.1f", bytesPerSecond / MB);
  }

  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  public static String ms(double millis) {
    return String.format(Locale.ROOT, "%.1f ms", millis);
  }

  public static String decimal(double value, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", value);
  }

  /** Evidence values are whatever the detector measured: keep integers whole and round the rest sensibly. */
  public static String evidence(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return String.valueOf(d);
      }
      if (Math.abs(d) >= WHOLE_NUMBER_ABOVE) {
        return String.format(Locale.ROOT, "%.0f", d);
      }
      return new BigDecimal(d).round(EVIDENCE_PRECISION).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }
}
