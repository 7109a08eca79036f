// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.gate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** The wholesaler's catalogue, loaded once at start-up: every product an order line can name, by SKU number. */
final class PriceList {
    static final int PRODUCTS = 5_000;
    private static final long SEED = 20261201L;
    /** VAT rates in basis points: zero-rated, reduced and standard. */
    private static final int[] TAX_BASIS_POINTS = {0, 700, 1_900};

    /**
     * One product. The code is kept encoded, as the renderer writes it, so that rendering a line allocates nothing.
     *
     * @param code the SKU as printed on the invoice, {@code W-01234}, in ASCII
     * @param unitCents the net price of one unit
     * @param taxBasisPoints the VAT rate
     * @param grams the shipping weight of one unit
     */
    record Product(byte[] code, long unitCents, int taxBasisPoints, int grams) {
    }

    private final Product[] products = new Product[PRODUCTS];

    PriceList() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int sku = 0; sku < PRODUCTS; sku++) {
            byte[] code = String.format("W-%05d", sku).getBytes(StandardCharsets.US_ASCII);
            products[sku] = new Product(code, random.nextLong(49, 99_999),
                    TAX_BASIS_POINTS[random.nextInt(TAX_BASIS_POINTS.length)], random.nextInt(20, 25_000));
        }
    }

    /** The product with this SKU number; an order naming any other is rejected. */
    Product product(int sku) {
        if (sku < 0 || sku >= PRODUCTS) {
            throw new IllegalArgumentException("unknown SKU " + sku);
        }
        return products[sku];
    }
}
