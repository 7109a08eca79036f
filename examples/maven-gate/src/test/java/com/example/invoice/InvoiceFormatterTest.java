// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package com.example.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceFormatterTest {

  @Test
  void linesAndTotalsAreAlignedInColumns() {
    Invoice invoice = new Invoice("2026-000042", "Dunmore Hardware Ltd", List.of(
        new LineItem("B-M6-100", "M6 hex bolts, zinc, 100", 3, 1240),
        new LineItem("W-M6-500", "M6 washers, 500", 12, 399),
        new LineItem("DR-18V", "Cordless drill, 18 V", 1, 129900)), 20);

    assertEquals("""
        Invoice 2026-000042 for Dunmore Hardware Ltd
           3 x M6 hex bolts, zinc, 100          12.40     37.20
          12 x M6 washers, 500                   3.99     47.88
           1 x Cordless drill, 18 V           1299.00   1299.00
                                             Subtotal   1384.08
                                              VAT 20%    276.82
                                                Total   1660.90
        """, new InvoiceFormatter().format(invoice));
  }

  @Test
  void vatIsRoundedHalfUpToTheCent() {
    Invoice invoice = new Invoice("1", "A", List.of(new LineItem("X", "x", 1, 1)), 50);

    assertEquals(1, invoice.vatCents());
    assertEquals(2, invoice.totalCents());
  }
}
