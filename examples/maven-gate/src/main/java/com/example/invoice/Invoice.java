// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package com.example.invoice;

import java.util.List;

/** An invoice to one customer; VAT is charged on the sum of its lines. */
public record Invoice(String number, String customer, List<LineItem> items, int vatPercent) {

  public Invoice {
    items = List.copyOf(items);
  }

  public long subtotalCents() {
    long sum = 0;
    for (LineItem item : items) {
      sum += item.amountCents();
    }
    return sum;
  }

  /** VAT rounded half up to the cent. */
  public long vatCents() {
    return (subtotalCents() * vatPercent + 50) / 100;
  }

  public long totalCents() {
    return subtotalCents() + vatCents();
  }
}
