// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.gate;

import io.heapwise.samples.gate.OrderParser.PurchaseOrder;
import io.heapwise.samples.gate.PriceList.Product;
import java.util.List;

/** Prices a parsed order: each line at list price, the customer's tier discount, VAT per product, and shipping. */
final class Pricer {
    /** Discount tiers in basis points; a customer's tier is fixed by their account number. */
    private static final int[] TIER_DISCOUNT_BASIS_POINTS = {0, 200, 350, 500};
    private static final long SHIPPING_CENTS_PER_STARTED_10_KG = 490;

    /**
     * A priced order, what the invoice is rendered from.
     *
     * @param order the parsed order
     * @param products the product of each order line, in line order
     * @param subtotalCents the sum of the lines at list price
     * @param discountCents the tier discount on the subtotal
     * @param taxCents the VAT on the discounted lines
     * @param shippingCents freight for the order's weight
     */
    record Invoice(PurchaseOrder order, List<Product> products, long subtotalCents, long discountCents, long taxCents,
            long shippingCents) {
        long totalCents() {
            return subtotalCents - discountCents + taxCents + shippingCents;
        }
    }

    private final PriceList priceList;
    private final LineResolver resolver;

    Pricer(PriceList priceList, LineResolver resolver) {
        this.priceList = priceList;
        this.resolver = resolver;
    }

    Invoice price(PurchaseOrder order) {
        List<Product> products = resolver.resolve(order, priceList);
        int discountBasisPoints = TIER_DISCOUNT_BASIS_POINTS[order.customer() % TIER_DISCOUNT_BASIS_POINTS.length];
        long subtotal = 0;
        long tax = 0;
        long grams = 0;
        for (int i = 0; i < order.lines(); i++) {
            Product product = products.get(i);
            long amount = product.unitCents() * order.quantities()[i];
            subtotal += amount;
            // VAT is due on what the customer pays, so on the line after the discount.
            tax += amount * (10_000 - discountBasisPoints) / 10_000 * product.taxBasisPoints() / 10_000;
            grams += (long) product.grams() * order.quantities()[i];
        }
        long shipping = (grams + 9_999) / 10_000 * SHIPPING_CENTS_PER_STARTED_10_KG;
        return new Invoice(order, products, subtotal, subtotal * discountBasisPoints / 10_000, tax, shipping);
    }
}
