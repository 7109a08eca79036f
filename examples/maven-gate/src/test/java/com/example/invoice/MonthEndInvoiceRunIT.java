// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package com.example.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The month-end run: every customer's invoices formatted for mailing. The data is fixed, so every run does the same
 * work and allocates the same: what the allocation gate in CI compares.
 */
class MonthEndInvoiceRunIT {

  private static final int INVOICES = 120_000;
  private static final List<String> CUSTOMERS = List.of("Dunmore Hardware Ltd", "Kessler & Sons",
      "Northfield Builders", "Alba Plumbing Supply", "Ridge Roofing Co", "Marsh Electrical");
  private static final List<LineItem> CATALOG = List.of(
      new LineItem("B-M6-100", "M6 hex bolts, zinc, 100", 1, 1240),
      new LineItem("W-M6-500", "M6 washers, 500", 1, 399),
      new LineItem("DR-18V", "Cordless drill, 18 V", 1, 129900),
      new LineItem("SC-4X40", "Wood screws 4x40, 200", 1, 845),
      new LineItem("PVC-32", "PVC pipe 32 mm, 3 m", 1, 1175),
      new LineItem("CB-2.5", "Cable 2.5 mm2, 50 m", 1, 6490),
      new LineItem("GL-W", "Work gloves, size 10", 1, 650),
      new LineItem("SL-25", "Silicone sealant, clear", 1, 725),
      new LineItem("HM-500", "Claw hammer, 500 g", 1, 2199),
      new LineItem("TP-50", "Masking tape 50 mm", 1, 315));

  @Test
  void everyInvoiceIsFormattedInColumnsAndItsTotalIsPrinted() {
    InvoiceFormatter formatter = new InvoiceFormatter();
    long printedTotal = 0;
    long expectedTotal = 0;
    for (int n = 0; n < INVOICES; n++) {
      Invoice invoice = invoice(n);
      String text = formatter.format(invoice);

      int lineStart = text.indexOf('\n') + 1;
      for (int i = 0; i < invoice.items().size() + 3; i++) {
        int lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd - lineStart != InvoiceFormatter.LINE_WIDTH) {
          fail("line " + (i + 2) + " is " + (lineEnd - lineStart) + " characters wide in\n" + text);
        }
        lineStart = lineEnd + 1;
      }
      if (lineStart != text.length()) {
        fail("more lines than items and totals in\n" + text);
      }
      printedTotal += cents(text, text.length() - 1 - InvoiceFormatter.AMOUNT_WIDTH);
      expectedTotal += invoice.totalCents();
    }
    assertEquals(expectedTotal, printedTotal);
  }

  private static Invoice invoice(int n) {
    int lines = 3 + n % 8;
    List<LineItem> items = new ArrayList<>(lines);
    for (int i = 0; i < lines; i++) {
      LineItem product = CATALOG.get((n * 7 + i * 3) % CATALOG.size());
      items.add(new LineItem(product.sku(), product.description(), 1 + (n + i) % 24, product.unitCents()));
    }
    return new Invoice("2026-" + (100_001 + n), CUSTOMERS.get(n % CUSTOMERS.size()), items, 20);
  }

  /** The amount printed in the column that starts at {@code from}, in cents. */
  private static long cents(String text, int from) {
    long cents = 0;
    for (int i = from; i < from + InvoiceFormatter.AMOUNT_WIDTH; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        cents = cents * 10 + (c - '0');
      }
    }
    return cents;
  }
}
