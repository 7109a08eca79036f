// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.unsized;

/** A limit order waiting in the book; its quantity is refreshed in place when a market maker requotes it. */
final class RestingOrder {
    final long id;
    final PriceLevel level;
    int remaining;
    /** Quantity taken from this order by the most recent match, read when the fills are settled. */
    int lastTraded;

    RestingOrder(long id, PriceLevel level, int remaining) {
        this.id = id;
        this.level = level;
        this.remaining = remaining;
    }
}
