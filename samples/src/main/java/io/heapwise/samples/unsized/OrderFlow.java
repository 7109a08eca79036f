// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.unsized;

import java.util.SplittableRandom;

/** Deterministic market data for the order book samples: the initial book, the incoming orders and the requotes. */
final class OrderFlow {
    static final long SEED = 20261125L;
    static final int MID_PRICE = 10_000;
    static final int LEVELS = 32;
    static final int ORDERS_PER_LEVEL = 64;
    static final int MAX_RESTING_QUANTITY = 100;
    static final int MIN_INCOMING_QUANTITY = 2_000;
    static final int MAX_INCOMING_QUANTITY = 40_000;

    private final SplittableRandom random = new SplittableRandom(SEED);
    private long nextOrderId;

    /** Builds one side of the book, best price first: asks above the mid price, bids below it. */
    PriceLevel[] side(boolean asks) {
        PriceLevel[] levels = new PriceLevel[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            int price = asks ? MID_PRICE + 1 + i : MID_PRICE - 1 - i;
            PriceLevel level = new PriceLevel(price, ORDERS_PER_LEVEL);
            for (int j = 0; j < ORDERS_PER_LEVEL; j++) {
                int quantity = requoteQuantity();
                level.orders[j] = new RestingOrder(nextOrderId++, level, quantity);
                level.depth += quantity;
            }
            levels[i] = level;
        }
        return levels;
    }

    /** The next aggressive order: large enough to sweep several levels of the book. */
    Order nextIncoming() {
        boolean buy = random.nextBoolean();
        int reach = random.nextInt(LEVELS);
        int limit = buy ? MID_PRICE + 1 + reach : MID_PRICE - 1 - reach;
        return new Order(buy, limit, random.nextInt(MIN_INCOMING_QUANTITY, MAX_INCOMING_QUANTITY + 1));
    }

    /** The quantity a market maker posts when it replaces a fully filled order. */
    int requoteQuantity() {
        return 1 + random.nextInt(MAX_RESTING_QUANTITY);
    }
}
