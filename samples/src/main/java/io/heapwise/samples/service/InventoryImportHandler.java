// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /import}: a batch of received stock as CSV, one {@code sku,warehouse,quantity} row per line (an
 * optional header line first), added to the catalogue's units on hand. Answers
 * {@code {"rows":N,"units":U,"unknownSkus":K}}; a malformed line gets 400, the rows above it stay imported, as in a
 * streaming import. The rows are parsed in place in the body buffer, without a string per field. Planted:
 * {@link #respond} reads every body into a fresh 64 KiB buffer, sized for the largest batch allowed, although the
 * buffer is dead as soon as the batch is counted.
 */
final class InventoryImportHandler extends CatalogEndpoint {
    /** The largest batch accepted, in bytes of CSV. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final String HEADER = "sku,warehouse,quantity";
    /** The largest quantity one row may carry. */
    static final int MAX_QUANTITY = 100_000;

    private static final byte[] HEADER_BYTES = HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SKU_PREFIX_BYTES = Catalog.SKU_PREFIX.getBytes(StandardCharsets.US_ASCII);

    private final Catalog catalog;

    InventoryImportHandler(Catalog catalog, ServiceMetrics metrics) {
        super(Endpoint.IMPORT, metrics);
        this.catalog = catalog;
    }

    @Override
    Response respond(HttpExchange exchange) throws BadRequest, IOException {
        byte[] body = new byte[MAX_BODY_BYTES]; // planted: POOLING_CANDIDATE
        InputStream in = exchange.getRequestBody();
        int length = in.readNBytes(body, 0, body.length);
        if (length == body.length && in.read() != -1) {
            return Response.text(413, "an import batch is limited to " + MAX_BODY_BYTES + " bytes\n");
        }
        return importRows(body, length);
    }

    private Response importRows(byte[] csv, int length) throws BadRequest {
        int rows = 0;
        long units = 0;
        int unknownSkus = 0;
        int lineNumber = 0;
        for (int lineStart = 0; lineStart < length; ) {
            int lineEnd = indexOf(csv, (byte) '\n', lineStart, length);
            int end = lineEnd > lineStart && csv[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            lineNumber++;
            boolean header = lineNumber == 1 && regionEquals(csv, lineStart, end, HEADER_BYTES);
            if (end > lineStart && !header) {
                int firstComma = indexOf(csv, (byte) ',', lineStart, end);
                int secondComma = indexOf(csv, (byte) ',', firstComma + 1, end);
                int productNumber = skuNumber(csv, lineStart, firstComma);
                int quantity = parseNumber(csv, secondComma + 1, end);
                if (productNumber < 0 || secondComma == firstComma + 1 || secondComma >= end || quantity < 0
                        || quantity > MAX_QUANTITY) {
                    throw new BadRequest("line " + lineNumber + ": expected " + HEADER + " with a quantity up to "
                            + MAX_QUANTITY);
                }
                if (catalog.receive(productNumber, quantity)) {
                    rows++;
                    units += quantity;
                } else {
                    unknownSkus++;
                }
            }
            lineStart = lineEnd + 1;
        }
        return Response.json("{\"rows\":" + rows + ",\"units\":" + units + ",\"unknownSkus\":" + unknownSkus + "}");
    }

    /** The product number of the SKU in {@code csv[from, to)}, or -1 if it is not {@code SKU-} and digits. */
    private static int skuNumber(byte[] csv, int from, int to) {
        int digits = from + SKU_PREFIX_BYTES.length;
        return digits <= to && regionEquals(csv, from, digits, SKU_PREFIX_BYTES) ? parseNumber(csv, digits, to) : -1;
    }

    /** The unsigned decimal in {@code csv[from, to)}, or -1 if it is empty, not all digits or over nine digits. */
    private static int parseNumber(byte[] csv, int from, int to) {
        if (from >= to || to - from > 9) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = csv[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** The index of the first {@code b} in {@code bytes[from, to)}, or {@code to} if there is none. */
    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return to;
    }

    private static boolean regionEquals(byte[] bytes, int from, int to, byte[] expected) {
        if (to - from != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[from + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
