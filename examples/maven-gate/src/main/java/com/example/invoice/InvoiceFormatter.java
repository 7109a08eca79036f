// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package com.example.invoice;

/**
 * Formats an invoice as fixed-width text, one line per item and the totals under it, for e-mails and the printed
 * copy:
 *
 * <pre>
 * Invoice 2026-000042 for Dunmore Hardware Ltd
 *    3 x M6 hex bolts, zinc, 100          12.40     37.20
 *                                      Subtotal     37.20
 * </pre>
 */
public final class InvoiceFormatter {

  static final int QUANTITY_WIDTH = 4;
  static final int DESCRIPTION_WIDTH = 28;
  static final int AMOUNT_WIDTH = 10;
  static final int LINE_WIDTH = QUANTITY_WIDTH + 3 + DESCRIPTION_WIDTH + 2 * AMOUNT_WIDTH;

  public String format(Invoice invoice) {
    StringBuilder out = new StringBuilder((LINE_WIDTH + 1) * (invoice.items().size() + 4));
    out.append("Invoice ").append(invoice.number()).append(" for ").append(invoice.customer()).append('\n');
    for (LineItem item : invoice.items()) {
      appendItem(out, item);
    }
    appendTotal(out, "Subtotal", invoice.subtotalCents());
    appendTotal(out, "VAT " + invoice.vatPercent() + "%", invoice.vatCents());
    appendTotal(out, "Total", invoice.totalCents());
    return out.toString();
  }

  private static void appendItem(StringBuilder out, LineItem item) {
    padLeft(out, item.quantity(), QUANTITY_WIDTH);
    out.append(" x ");
    // Regression drill (README.md of this example): out.append(String.format("%-28s", item.description()));
    // prints the same text, and allocates a Formatter and a String per line; the gate fails on this line.
    padRight(out, item.description(), DESCRIPTION_WIDTH);
    appendMoney(out, item.unitCents(), AMOUNT_WIDTH);
    appendMoney(out, item.amountCents(), AMOUNT_WIDTH);
    out.append('\n');
  }

  private static void appendTotal(StringBuilder out, String label, long cents) {
    padLeft(out, label, QUANTITY_WIDTH + 3 + DESCRIPTION_WIDTH + AMOUNT_WIDTH);
    appendMoney(out, cents, AMOUNT_WIDTH);
    out.append('\n');
  }

  /** {@code cents} as {@code 1234.05}, right-aligned in {@code width} characters, without a temporary String. */
  static void appendMoney(StringBuilder out, long cents, int width) {
    long whole = Math.abs(cents) / 100;
    int fraction = (int) (Math.abs(cents) % 100);
    int length = digits(whole) + 3 + (cents < 0 ? 1 : 0);
    for (int i = length; i < width; i++) {
      out.append(' ');
    }
    if (cents < 0) {
      out.append('-');
    }
    out.append(whole).append('.').append((char) ('0' + fraction / 10)).append((char) ('0' + fraction % 10));
  }

  private static void padLeft(StringBuilder out, int value, int width) {
    for (int i = digits(value); i < width; i++) {
      out.append(' ');
    }
    out.append(value);
  }

  private static void padLeft(StringBuilder out, String text, int width) {
    for (int i = text.length(); i < width; i++) {
      out.append(' ');
    }
    out.append(text);
  }

  private static void padRight(StringBuilder out, String text, int width) {
    out.append(text);
    for (int i = text.length(); i < width; i++) {
      out.append(' ');
    }
  }

  private static int digits(long value) {
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    return digits;
  }
}
