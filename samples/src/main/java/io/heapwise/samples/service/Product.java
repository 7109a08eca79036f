// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

/**
 * One article of the catalogue.
 *
 * @param number the product number, also its index in the catalogue's stock table
 * @param sku the stock-keeping unit, {@code SKU-} and the six-digit product number
 * @param name a display name of letters, digits and spaces only, so it needs no escaping in JSON
 */
record Product(int number, String sku, String name, Category category, int priceCents) {
}
