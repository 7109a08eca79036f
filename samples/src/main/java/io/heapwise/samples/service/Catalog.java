// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The product catalogue the service answers from: generated at start-up from the product numbers alone, so every run
 * (and the load generator) knows the same catalogue, and read-only afterwards except for the units on hand that
 * imports add.
 */
final class Catalog {
    /**
     * Products in every category: the {@code total} that {@code /products} reports. Large, so that the result list
     * that request grows is a good part of what the service allocates, next to HttpServer's 10-20 KB per request.
     */
    static final int PRODUCTS_PER_CATEGORY = 6_000;
    /** The prefix of every SKU; the product number follows, zero-padded to six digits. */
    static final String SKU_PREFIX = "SKU-";
    private static final int SKU_DIGITS = 6;

    private static final String[] ADJECTIVES = {"Compact", "Classic", "Sturdy", "Deluxe", "Travel", "Recycled",
        "Pro", "Vintage", "Foldable", "Everyday", "Premium"};

    private final List<Product> byPrice;
    private final AtomicLongArray unitsOnHand;

    Catalog() {
        Category[] categories = Category.values();
        int size = PRODUCTS_PER_CATEGORY * categories.length;
        List<Product> products = new ArrayList<>(size);
        for (int number = 0; number < size; number++) {
            Category category = categories[number % categories.length];
            String name = ADJECTIVES[(number / categories.length) % ADJECTIVES.length] + " " + category.article + " "
                    + number;
            // A multiplicative hash spreads the prices over 1.99 to 999.99 without a random generator's seed to share.
            int priceCents = 199 + (int) ((number * 2_654_435_761L) % 99_801);
            products.add(new Product(number, sku(number), name, category, priceCents));
        }
        products.sort(Comparator.comparingInt(Product::priceCents).thenComparingInt(Product::number));
        this.byPrice = List.copyOf(products);
        this.unitsOnHand = new AtomicLongArray(size);
    }

    static String sku(int productNumber) {
        String digits = Integer.toString(productNumber);
        return SKU_PREFIX + "0".repeat(Math.max(0, SKU_DIGITS - digits.length())) + digits;
    }

    /** Every product, cheapest first. */
    List<Product> byPrice() {
        return byPrice;
    }

    /** Adds received units to a product's stock; returns false, changing nothing, if no product has that number. */
    boolean receive(int productNumber, int units) {
        if (productNumber < 0 || productNumber >= unitsOnHand.length()) {
            return false;
        }
        unitsOnHand.addAndGet(productNumber, units);
        return true;
    }

    long unitsOnHand(int productNumber) {
        return unitsOnHand.get(productNumber);
    }
}
