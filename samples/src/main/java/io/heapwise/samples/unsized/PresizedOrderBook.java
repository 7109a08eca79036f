// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.unsized;

import io.heapwise.samples.SampleRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed twin of {@link OrderBook}: the same matching engine, but {@link #match} sizes the fills list up front from
 * the book depth the incoming order can reach, so the list never grows.
 */
public final class PresizedOrderBook {
    /** Orders matched between two looks at the clock. */
    private static final int BATCH = 256;

    private final OrderFlow flow;
    private final PriceLevel[] asks;
    private final PriceLevel[] bids;
    /**
     * Resting orders by id, for cancel-and-replace requests. Built once when the book opens, so its growth is start-up
     * work, not a hot path (a decoy: growing a map once is fine).
     */
    private final Map<Long, RestingOrder> restingById = new HashMap<>();
    private long largeSweeps;

    PresizedOrderBook(OrderFlow flow) {
        this.flow = flow;
        this.asks = flow.side(true);
        this.bids = flow.side(false);
        index(asks);
        index(bids);
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(PresizedOrderBook.class, args);
        OrderFlow flow = new OrderFlow();
        PresizedOrderBook book = new PresizedOrderBook(flow);
        long orders = 0;
        long checksum = 0;
        run.begin();
        do {
            for (int i = 0; i < BATCH; i++) {
                Order incoming = flow.nextIncoming();
                List<RestingOrder> fills = book.match(incoming);
                checksum = 31 * checksum + book.settle(fills);
            }
            orders += BATCH;
        } while (run.keepGoing());
        // Fold in the book's bookkeeping so that the JIT cannot drop it as dead code.
        checksum = 31 * checksum + book.largeSweeps + book.restingById.size();
        run.end("matched %,d orders", orders, checksum);
    }

    /** Takes liquidity from the opposite side, best price first, and returns the resting orders that traded. */
    List<RestingOrder> match(Order incoming) {
        PriceLevel[] opposite = incoming.buy() ? asks : bids;
        List<RestingOrder> fills = new ArrayList<>(reachableOrders(opposite, incoming));
        int wanted = incoming.quantity();
        for (PriceLevel level : opposite) {
            if (wanted == 0 || !level.crosses(incoming)) {
                break;
            }
            for (RestingOrder resting : level.orders) {
                int traded = Math.min(wanted, resting.remaining);
                resting.remaining -= traded;
                resting.lastTraded = traded;
                level.depth -= traded;
                wanted -= traded;
                fills.add(resting); // fixed: UNSIZED_COLLECTION
                if (wanted == 0) {
                    break;
                }
            }
        }
        if (incoming.quantity() == OrderFlow.MAX_INCOMING_QUANTITY) {
            reportLargeSweep(fills);
        }
        return fills;
    }

    private void index(PriceLevel[] side) {
        for (PriceLevel level : side) {
            for (RestingOrder resting : level.orders) {
                restingById.put(resting.id, resting);
            }
        }
    }

    /**
     * Surveillance of maximum-size sweeps: which price levels they touched. Such orders are about one in 38,000, so
     * this unsized list is cold code (a decoy: not worth a finding).
     */
    private void reportLargeSweep(List<RestingOrder> fills) {
        List<Integer> prices = new ArrayList<>();
        for (RestingOrder resting : fills) {
            if (prices.isEmpty() || prices.get(prices.size() - 1) != resting.level.price) {
                prices.add(resting.level.price);
            }
        }
        largeSweeps += prices.size();
    }

    /**
     * An upper bound on the fills: every order on the levels that the incoming order's limit and quantity reach.
     * It overshoots by at most one level, which is far cheaper than growing the list from ten elements.
     */
    private static int reachableOrders(PriceLevel[] opposite, Order incoming) {
        int orders = 0;
        long wanted = incoming.quantity();
        for (PriceLevel level : opposite) {
            if (wanted <= 0 || !level.crosses(incoming)) {
                break;
            }
            orders += level.orders.length;
            wanted -= level.depth;
        }
        return orders;
    }

    /** Returns the traded notional and lets market makers requote every order that was filled completely. */
    long settle(List<RestingOrder> fills) {
        long notional = 0;
        for (RestingOrder resting : fills) {
            notional += (long) resting.level.price * resting.lastTraded;
            if (resting.remaining == 0) {
                resting.remaining = flow.requoteQuantity();
                resting.level.depth += resting.remaining;
            }
        }
        return notional + fills.size();
    }
}
