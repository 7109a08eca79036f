// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.gate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Incoming purchase orders as the HTTP layer hands them over: request bodies, encoded before the workload starts. The
 * feed cycles through exactly one batch of distinct orders, so every batch does the same work and allocates the same
 * bytes: what a gate compares is the code, not the luck of the draw.
 *
 * <p>Body format, one order per request: a header line {@code PO <number> <customer> <lines>}, then one
 * {@code <sku> <quantity>} line per order line.
 */
final class OrderFeed {
    static final int MIN_LINES = 100;
    static final int MAX_LINES = 400;
    static final int MAX_QUANTITY = 48;
    static final int CUSTOMERS = 900;
    private static final long SEED = 20261202L;

    private final byte[][] bodies;
    private int next;

    OrderFeed(int orders) {
        SplittableRandom random = new SplittableRandom(SEED);
        bodies = new byte[orders][];
        for (int i = 0; i < orders; i++) {
            int lines = random.nextInt(MIN_LINES, MAX_LINES + 1);
            StringBuilder body = new StringBuilder(16 * lines);
            body.append("PO ").append(4_700_000 + i).append(' ').append(random.nextInt(CUSTOMERS)).append(' ')
                    .append(lines).append('\n');
            for (int line = 0; line < lines; line++) {
                body.append(random.nextInt(PriceList.PRODUCTS)).append(' ')
                        .append(random.nextInt(1, MAX_QUANTITY + 1)).append('\n');
            }
            bodies[i] = body.toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The next request body, round-robin. */
    byte[] next() {
        byte[] body = bodies[next];
        next = (next + 1) % bodies.length;
        return body;
    }
}
