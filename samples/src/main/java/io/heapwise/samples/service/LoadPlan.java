// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * What the load generator sends as its n-th request, and what it expects back. Requests rotate over the endpoints,
 * and over page sizes, categories and import batch sizes within each, all derived from n, so a run is repeatable
 * and every response can be checked exactly, except the latency figures of {@code /stats}.
 */
final class LoadPlan {
    /** Page sizes the product requests ask for, in turn. */
    static final int[] PAGE_LIMITS = {10, 20, 50};
    /** Rows of the import batches, in turn: from about 2 KB of CSV to just under the service's 64 KiB limit. */
    static final int[] IMPORT_ROWS = {100, 400, 1_000, 2_000, 3_200};

    private final URI base;
    private final Duration timeout;
    private final ImportBatch[] batches = new ImportBatch[IMPORT_ROWS.length];

    /** A request with the check of its response body (its status must be 200). */
    record PlannedRequest(HttpRequest request, String description, BodyCheck check) {
    }

    /** Checks a response body: empty if it is the expected one, else what is wrong with it. */
    interface BodyCheck {
        Optional<String> problem(String body);
    }

    /** An import body and the answer it must get. */
    private record ImportBatch(byte[] csv, String expectedAnswer) {
    }

    LoadPlan(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        for (int i = 0; i < IMPORT_ROWS.length; i++) {
            batches[i] = importBatch(IMPORT_ROWS[i], i);
        }
    }

    /** The n-th request of a run. */
    PlannedRequest request(long n) {
        Endpoint[] endpoints = Endpoint.values();
        Endpoint endpoint = endpoints[(int) (n % endpoints.length)];
        long round = n / endpoints.length;
        return switch (endpoint) {
            case PRODUCTS -> products(Category.values()[(int) (round % Category.values().length)],
                    PAGE_LIMITS[(int) (round % PAGE_LIMITS.length)]);
            case IMPORT -> inventoryImport(batches[(int) (round % batches.length)]);
            case STATS -> stats(LatencyStatsHandler.DEFAULT_WINDOW);
        };
    }

    private PlannedRequest products(Category category, int limit) {
        String pathAndQuery = Endpoint.PRODUCTS.path + "?category=" + category.id + "&limit=" + limit;
        int count = Math.min(limit, Catalog.PRODUCTS_PER_CATEGORY);
        String expectedStart = "{\"category\":\"" + category.id + "\",\"total\":" + Catalog.PRODUCTS_PER_CATEGORY
                + ",\"count\":" + count + ",\"products\":[";
        BodyCheck check = body -> {
            if (!body.startsWith(expectedStart) || !body.endsWith("]}")) {
                return Optional.of("expected a body starting " + expectedStart + ", got " + excerpt(body));
            }
            int listed = occurrences(body, "\"sku\":");
            return listed == count ? Optional.empty() : Optional.of("expected " + count + " products, got " + listed);
        };
        return new PlannedRequest(get(pathAndQuery), "GET " + pathAndQuery, check);
    }

    private PlannedRequest inventoryImport(ImportBatch batch) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(Endpoint.IMPORT.path))
                .timeout(timeout)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch.csv()))
                .build();
        BodyCheck check = body -> body.equals(batch.expectedAnswer()) ? Optional.empty()
                : Optional.of("expected " + batch.expectedAnswer() + ", got " + excerpt(body));
        return new PlannedRequest(request, "POST " + Endpoint.IMPORT.path + " (" + batch.csv().length + " bytes)",
                check);
    }

    private PlannedRequest stats(int window) {
        String pathAndQuery = Endpoint.STATS.path + "?window=" + window;
        String expectedStart = "{\"window\":" + window + ",\"overall\":{\"requests\":";
        BodyCheck check = body -> {
            if (!body.startsWith(expectedStart) || !body.endsWith("}]}")) {
                return Optional.of("expected a body starting " + expectedStart + ", got " + excerpt(body));
            }
            for (Endpoint endpoint : Endpoint.values()) {
                if (!body.contains("{\"name\":\"" + endpoint.statsName() + "\",\"latency\":{\"requests\":")) {
                    return Optional.of("no latency summary for " + endpoint.path + " in " + excerpt(body));
                }
            }
            return Optional.empty();
        };
        return new PlannedRequest(get(pathAndQuery), "GET " + pathAndQuery, check);
    }

    private HttpRequest get(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout).GET().build();
    }

    /** A batch of {@code rows} rows for distinct products, quantities 1 to 50; {@code seed} varies the products. */
    private static ImportBatch importBatch(int rows, int seed) {
        int catalogSize = Catalog.PRODUCTS_PER_CATEGORY * Category.values().length;
        StringBuilder csv = new StringBuilder(InventoryImportHandler.HEADER).append('\n');
        long units = 0;
        for (int row = 0; row < rows; row++) {
            int productNumber = (seed * 7_919 + row * 13) % catalogSize;
            int quantity = 1 + (row * 31 + seed) % 50;
            units += quantity;
            csv.append(Catalog.sku(productNumber)).append(",WH-").append(1 + row % 4).append(',').append(quantity)
                    .append('\n');
        }
        String expectedAnswer = "{\"rows\":" + rows + ",\"units\":" + units + ",\"unknownSkus\":0}";
        return new ImportBatch(csv.toString().getBytes(StandardCharsets.US_ASCII), expectedAnswer);
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    private static String excerpt(String body) {
        return body.length() <= 120 ? body : body.substring(0, 120) + "...";
    }
}
