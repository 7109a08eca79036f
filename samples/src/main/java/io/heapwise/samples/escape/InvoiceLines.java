// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import io.heapwise.samples.escape.VatRules.Category;
import io.heapwise.samples.escape.VatRules.Country;
import java.util.SplittableRandom;

/**
 * The invoice lines of the VAT samples, as column arrays: unit price in cents, quantity, product category and the
 * buyer's country, for a cross-border web shop. Seeded, so every run taxes the same lines.
 */
final class InvoiceLines {
    static final long SEED = 20261126L;
    static final int LINES = 4096;

    final long[] unitCents = new long[LINES];
    final int[] quantity = new int[LINES];
    final Category[] category = new Category[LINES];
    final Country[] country = new Country[LINES];

    InvoiceLines() {
        SplittableRandom random = new SplittableRandom(SEED);
        Category[] categories = Category.values();
        Country[] countries = Country.values();
        for (int i = 0; i < LINES; i++) {
            unitCents[i] = random.nextLong(50, 50_000);
            quantity[i] = random.nextInt(1, 13);
            category[i] = categories[random.nextInt(categories.length)];
            country[i] = countries[random.nextInt(countries.length)];
        }
    }
}
