// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.it.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A project's test suite as the per-test gate sees it, run by {@link SuiteLauncher} in a JVM with the agent and the
 * JUnit extension; never by Maven itself, since its name matches neither surefire's nor failsafe's patterns.
 * System properties plant the changes a gate must tell apart: {@code suite.extraCopy} makes one test's code copy
 * every line it renders (a regression), {@code suite.moreTests} adds a test (more work, not a regression).
 */
public class InvoiceChecks {

  /** What {@link #keepsAKnownBuffer()} allocates, to check the extension's bytes against. */
  public static final int KNOWN_BYTES = 4 * 1024 * 1024;
  private static final boolean EXTRA_COPY = Boolean.getBoolean("suite.extraCopy");
  private static volatile Object sink;

  @Test
  void rendersInvoices() {
    long length = 0;
    for (int invoice = 0; invoice < 3_000; invoice++) {
      length += render(invoice, 12).length();
    }
    assertTrue(length > 1_000_000);
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 200})
  void totalsLines(int lines) {
    BigDecimal total = BigDecimal.ZERO;
    for (int repeat = 0; repeat < 200; repeat++) {
      total = BigDecimal.ZERO;
      for (int line = 1; line <= lines; line++) {
        total = total.add(BigDecimal.valueOf(line * 1999L, 2).multiply(BigDecimal.valueOf(3)));
      }
    }
    assertEquals(BigDecimal.valueOf(lines * (lines + 1L) / 2 * 1999L * 3, 2), total);
  }

  @Test
  void keepsAKnownBuffer() {
    byte[][] blocks = new byte[4][];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = new byte[KNOWN_BYTES / 4];
    }
    sink = blocks;
    assertEquals(4, blocks.length);
  }

  @Test
  @EnabledIfSystemProperty(named = "suite.moreTests", matches = "true")
  void rendersAYearOfInvoices() {
    long length = 0;
    for (int invoice = 0; invoice < 6_000; invoice++) {
      length += render(invoice, 12).length();
    }
    assertTrue(length > 2_000_000);
  }

  private static String render(int invoice, int lines) {
    List<String> rendered = new ArrayList<>(lines);
    for (int line = 1; line <= lines; line++) {
      String text = "INV-" + invoice + " line " + line + ": " + BigDecimal.valueOf(invoice * 37L + line, 2)
          .setScale(2, RoundingMode.HALF_UP) + " EUR";
      if (EXTRA_COPY) {
        text = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      }
      rendered.add(text);
    }
    sink = rendered;
    return String.join("\n", rendered);
  }
}
