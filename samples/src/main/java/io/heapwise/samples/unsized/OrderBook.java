// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.unsized;

import io.heapwise.samples.SampleRun;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny price-time matching engine that sweeps incoming orders through the resting book and settles the fills.
 * Planted: {@link #match} collects each order's fills into a default-capacity {@code ArrayList} that grows, copy by
 * copy, to hundreds of entries. Twin: {@link PresizedOrderBook}.
 */
public final class OrderBook {
    /** Orders matched between two looks at the clock. */
    private static final int BATCH = 256;

    private final OrderFlow flow;
    private final PriceLevel[] asks;
    private final PriceLevel[] bids;

    OrderBook(OrderFlow flow) {
        this.flow = flow;
        this.asks = flow.side(true);
        this.bids = flow.side(false);
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(OrderBook.class, args);
        OrderFlow flow = new OrderFlow();
        OrderBook book = new OrderBook(flow);
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
        run.end("matched %,d orders", orders, checksum);
    }

    /** Takes liquidity from the opposite side, best price first, and returns the resting orders that traded. */
    List<RestingOrder> match(Order incoming) {
        PriceLevel[] opposite = incoming.buy() ? asks : bids;
        List<RestingOrder> fills = new ArrayList<>(); // planted-constructor: UNSIZED_COLLECTION
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
                fills.add(resting); // planted: UNSIZED_COLLECTION
                if (wanted == 0) {
                    break;
                }
            }
        }
        return fills;
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
