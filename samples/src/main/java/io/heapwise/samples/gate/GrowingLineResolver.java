// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.gate;

import io.heapwise.samples.gate.OrderParser.PurchaseOrder;
import io.heapwise.samples.gate.PriceList.Product;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code new-finding} variant of {@link LineResolver}: written as if the lines were filtered, it starts the list
 * at default capacity, so for an order of 100 to 400 lines it allocates seven to eleven ever larger arrays, each
 * one half as large again as the last, where one of the order's size would do. Heapwise reports it as {@code UNSIZED_COLLECTION}; the baseline has no such finding.
 */
final class GrowingLineResolver extends LineResolver {
    @Override
    List<Product> resolve(PurchaseOrder order, PriceList priceList) {
        List<Product> products = new ArrayList<>(); // planted-constructor: UNSIZED_COLLECTION
        for (int sku : order.skus()) {
            products.add(priceList.product(sku)); // planted: UNSIZED_COLLECTION
        }
        return products;
    }
}
