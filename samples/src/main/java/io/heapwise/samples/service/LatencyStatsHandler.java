// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /stats?window=N}: over all endpoints and per endpoint, the requests answered so far and the p50, p99 and
 * maximum latency of the last {@code N} of them, for a status page. Planted: {@link #recentLatencies} copies each
 * window into a {@code List<Long>} to sort it, boxing every latency: nanosecond values are far beyond {@code Long}'s
 * cache of -128..127, so each one is a new object.
 */
final class LatencyStatsHandler extends CatalogEndpoint {
    static final int DEFAULT_WINDOW = LatencyHistory.CAPACITY;
    /** Characters of one rendered latency summary, rounded up, to size the response buffer once. */
    private static final int RENDERED_SUMMARY_CHARS = 160;

    private final ServiceMetrics metrics;

    LatencyStatsHandler(ServiceMetrics metrics) {
        super(Endpoint.STATS, metrics);
        this.metrics = metrics;
    }

    @Override
    Response respond(HttpExchange exchange) throws BadRequest {
        Map<String, String> parameters = queryParameters(exchange);
        int window = intParameter(parameters, "window", DEFAULT_WINDOW, 1, LatencyHistory.CAPACITY);
        StringBuilder json = new StringBuilder(128 + RENDERED_SUMMARY_CHARS * (Endpoint.values().length + 1));
        json.append("{\"window\":").append(window).append(",\"overall\":");
        appendSummary(json, metrics.overall(), window);
        json.append(",\"endpoints\":[");
        for (Endpoint endpoint : Endpoint.values()) {
            json.append(endpoint.ordinal() == 0 ? "{" : ",{").append("\"name\":\"").append(endpoint.statsName())
                    .append("\",\"latency\":");
            appendSummary(json, metrics.history(endpoint), window);
            json.append('}');
        }
        return Response.json(json.append("]}").toString());
    }

    /** {@code {"requests":N,"samples":N,"p50Micros":N,"p99Micros":N,"maxMicros":N}} for one history. */
    private static void appendSummary(StringBuilder json, LatencyHistory history, int window) {
        long requests = history.recorded();
        List<Long> latencies = recentLatencies(history, window);
        Collections.sort(latencies);
        json.append("{\"requests\":").append(requests)
                .append(",\"samples\":").append(latencies.size())
                .append(",\"p50Micros\":").append(percentile(latencies, 0.50) / 1000)
                .append(",\"p99Micros\":").append(percentile(latencies, 0.99) / 1000)
                .append(",\"maxMicros\":").append(percentile(latencies, 1.0) / 1000)
                .append('}');
    }

    /** The latencies of the history's last {@code window} requests (fewer while the history fills). */
    private static List<Long> recentLatencies(LatencyHistory history, int window) {
        int samples = Math.min(window, history.size());
        List<Long> latencies = new ArrayList<>(samples);
        for (int age = 0; age < samples; age++) {
            latencies.add(history.nanosAgo(age)); // planted: BOXING
        }
        return latencies;
    }

    /** The nearest-rank percentile of sorted values, 0 for none. */
    private static long percentile(List<Long> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
