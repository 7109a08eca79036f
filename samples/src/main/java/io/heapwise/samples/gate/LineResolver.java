// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.gate;

import io.heapwise.samples.gate.OrderParser.PurchaseOrder;
import io.heapwise.samples.gate.PriceList.Product;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks up the product of every order line, rejecting the order if any SKU is unknown. The list is sized from the
 * order's line count, which the parser already knows, so it never grows ({@link GrowingLineResolver} is the version
 * that does not).
 */
class LineResolver {
    List<Product> resolve(PurchaseOrder order, PriceList priceList) {
        List<Product> products = new ArrayList<>(order.lines());
        for (int sku : order.skus()) {
            products.add(priceList.product(sku));
        }
        return products;
    }
}
