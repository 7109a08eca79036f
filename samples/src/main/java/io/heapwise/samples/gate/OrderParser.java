// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.gate;

/**
 * Parses a purchase order body ({@link OrderFeed} has the format) straight from its bytes: no line strings, no
 * splitting, only the two arrays the order needs, sized from the header's line count. One parser per worker thread.
 */
final class OrderParser {
    /** Larger orders go through the bulk-import path, not the checkout API. */
    static final int MAX_LINES = 500;

    /**
     * One parsed order: line {@code i} orders {@code quantities[i]} units of product {@code skus[i]}.
     *
     * @param number the buyer's purchase order number, echoed on the invoice
     * @param customer the buyer's account number, which sets their discount tier
     * @param skus the SKU number of each line
     * @param quantities the units of each line
     */
    record PurchaseOrder(long number, int customer, int[] skus, int[] quantities) {
        int lines() {
            return skus.length;
        }
    }

    private byte[] body;
    private int pos;

    PurchaseOrder parse(byte[] request) {
        body = request;
        pos = 0;
        expect('P');
        expect('O');
        expect(' ');
        long number = number(' ');
        int customer = (int) number(' ');
        long lines = number('\n');
        if (lines < 1 || lines > MAX_LINES) {
            throw new IllegalArgumentException("PO " + number + ": " + lines + " lines, must be 1.." + MAX_LINES);
        }
        int[] skus = new int[(int) lines];
        int[] quantities = new int[(int) lines];
        for (int i = 0; i < lines; i++) {
            skus[i] = (int) number(' ');
            quantities[i] = (int) number('\n');
        }
        body = null; // the request buffer belongs to the connection, not to this parser
        return new PurchaseOrder(number, customer, skus, quantities);
    }

    /** Reads a decimal number up to and including its terminator. */
    private long number(char terminator) {
        long value = 0;
        int start = pos;
        while (pos < body.length && body[pos] >= '0' && body[pos] <= '9') {
            value = value * 10 + (body[pos++] - '0');
        }
        if (pos == start || pos - start > 18) {
            throw malformed("a number");
        }
        expect(terminator);
        return value;
    }

    private void expect(char c) {
        if (pos >= body.length || body[pos] != c) {
            throw malformed("'" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException malformed(String wanted) {
        return new IllegalArgumentException("malformed order: expected " + wanted + " at byte " + pos);
    }
}
