// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.boxing;

import java.util.SplittableRandom;

/**
 * Deterministic input for the metrics rollup samples: a stream of request measurements, each a metric (endpoint and
 * status class, for example {@code GET /api/cart 2xx}) and a latency in microseconds.
 */
final class RequestMetrics {
    static final long SEED = 20261125L;
    /** Measurements generated up front; the stream cycles through them. A power of two. */
    static final int DISTINCT_EVENTS = 1 << 16;

    private static final String[] ENDPOINTS = {
        "GET /api/cart", "POST /api/cart", "GET /api/items", "GET /api/search", "POST /api/pay", "GET /api/orders",
        "POST /api/orders", "GET /api/recs", "GET /api/stock", "POST /login", "GET /health", "PUT /api/profile",
    };
    private static final String[] STATUS_CLASSES = {"2xx", "3xx", "4xx", "5xx"};

    /** Every metric's name; a measurement refers to its metric by index into this array. */
    final String[] metricNames = new String[ENDPOINTS.length * STATUS_CLASSES.length];
    final int[] metric = new int[DISTINCT_EVENTS];
    final int[] latencyMicros = new int[DISTINCT_EVENTS];

    RequestMetrics() {
        for (int e = 0; e < ENDPOINTS.length; e++) {
            for (int s = 0; s < STATUS_CLASSES.length; s++) {
                metricNames[e * STATUS_CLASSES.length + s] = ENDPOINTS[e] + " " + STATUS_CLASSES[s];
            }
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < DISTINCT_EVENTS; i++) {
            int roll = random.nextInt(100);
            int statusClass = roll < 85 ? 0 : roll < 90 ? 1 : roll < 97 ? 2 : 3;
            metric[i] = random.nextInt(ENDPOINTS.length) * STATUS_CLASSES.length + statusClass;
            latencyMicros[i] = 200 + (int) Math.round(Math.exp(random.nextDouble() * 11.0));
        }
    }
}
