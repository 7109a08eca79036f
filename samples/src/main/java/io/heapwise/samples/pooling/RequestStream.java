// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.pooling;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A keep-alive client connection for the request handler samples: a deterministic stream of HTTP/1.1 {@code POST}
 * requests with JSON bodies of 2 to 48 KiB, encoded once up front and then read back one request at a time, the way
 * a blocking socket read fills the handler's buffer.
 */
final class RequestStream {
    static final long SEED = 20261125L;
    /** Distinct requests on the wire; the stream cycles through them. A power of two. */
    static final int DISTINCT_REQUESTS = 64;
    static final int MIN_BODY = 2 * 1024;
    static final int MAX_BODY = 48 * 1024;

    private static final String[] PATHS = {
        "/api/v1/orders", "/api/v1/carts", "/api/v1/payments", "/api/v1/shipments", "/api/v1/returns",
    };

    private final byte[][] requests = new byte[DISTINCT_REQUESTS][];
    private int next;

    RequestStream() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < DISTINCT_REQUESTS; i++) {
            String body = jsonBody(random, random.nextInt(MIN_BODY, MAX_BODY + 1));
            String path = PATHS[random.nextInt(PATHS.length)] + "/" + random.nextInt(1_000_000);
            String head = "POST " + path + " HTTP/1.1\r\n"
                    + "Host: shop.example\r\n"
                    + "User-Agent: checkout-client/4.2\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n"
                    + "\r\n";
            requests[i] = (head + body).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Copies the next request into {@code buffer}, as a socket read would, and returns its length in bytes. */
    int read(byte[] buffer) {
        byte[] request = requests[next];
        next = (next + 1) & (DISTINCT_REQUESTS - 1);
        System.arraycopy(request, 0, buffer, 0, request.length);
        return request.length;
    }

    private static String jsonBody(SplittableRandom random, int length) {
        StringBuilder json = new StringBuilder(length + 64).append("{\"lines\":[");
        while (json.length() < length - 64) {
            json.append("{\"sku\":\"SKU-").append(random.nextInt(100_000))
                    .append("\",\"qty\":").append(1 + random.nextInt(9))
                    .append(",\"cents\":").append(random.nextInt(1_000_000)).append("},");
        }
        json.append("{\"sku\":\"GIFT-WRAP\",\"qty\":1,\"cents\":0}]}");
        while (json.length() < length) {
            json.append(' ');
        }
        return json.toString();
    }
}
