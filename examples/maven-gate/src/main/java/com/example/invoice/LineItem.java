// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package com.example.invoice;

/** One line of an invoice: so many of a product at a unit price in cents. */
public record LineItem(String sku, String description, int quantity, long unitCents) {

  public LineItem {
    if (quantity <= 0 || unitCents < 0) {
      throw new IllegalArgumentException("quantity " + quantity + ", unit price " + unitCents);
    }
  }

  public long amountCents() {
    return quantity * unitCents;
  }
}
