// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.unsized;

/** All resting orders at one price, in time priority, with their total open quantity. */
final class PriceLevel {
    final int price;
    final RestingOrder[] orders;
    long depth;

    PriceLevel(int price, int orderCount) {
        this.price = price;
        this.orders = new RestingOrder[orderCount];
    }

    /** True if an incoming order with this side and limit may trade at this level's price. */
    boolean crosses(Order incoming) {
        return incoming.buy() ? price <= incoming.limitPrice() : price >= incoming.limitPrice();
    }
}
