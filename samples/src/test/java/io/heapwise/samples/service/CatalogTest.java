// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private final Catalog catalog = new Catalog();

    @Test
    void hasTheSameNumberOfProductsInEveryCategoryCheapestFirst() {
        List<Product> products = catalog.byPrice();
        Map<Category, Integer> perCategory = new EnumMap<>(Category.class);
        products.forEach(product -> perCategory.merge(product.category(), 1, Integer::sum));

        assertThat(products).hasSize(Catalog.PRODUCTS_PER_CATEGORY * Category.values().length)
                .isSortedAccordingTo(Comparator.comparingInt(Product::priceCents));
        assertThat(perCategory.values()).hasSize(Category.values().length)
                .containsOnly(Catalog.PRODUCTS_PER_CATEGORY);
        assertThat(products).allSatisfy(product -> {
            assertThat(product.sku()).isEqualTo(Catalog.sku(product.number())).matches("SKU-\\d{6}");
            assertThat(product.name()).matches("[A-Za-z0-9 ]+");
            assertThat(product.priceCents()).isBetween(199, 99_999);
        });
    }

    @Test
    void receivesUnitsForKnownProductsOnly() {
        assertThat(catalog.receive(42, 5)).isTrue();
        assertThat(catalog.receive(42, 7)).isTrue();
        assertThat(catalog.receive(-1, 1)).isFalse();
        assertThat(catalog.receive(catalog.byPrice().size(), 1)).isFalse();

        assertThat(catalog.unitsOnHand(42)).isEqualTo(12);
        assertThat(catalog.unitsOnHand(43)).isZero();
    }
}
