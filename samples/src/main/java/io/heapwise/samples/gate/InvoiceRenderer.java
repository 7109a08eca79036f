// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.gate;

import io.heapwise.samples.gate.OrderParser.PurchaseOrder;
import io.heapwise.samples.gate.Pricer.Invoice;
import io.heapwise.samples.gate.PriceList.Product;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Renders an invoice as the HTTP response, a CSV document, into a scratch buffer that the worker reuses, then hands
 * out one array of exactly the response's size: the connection writes it and the response log keeps it, so it must
 * outlive the next request, and the scratch buffer must not.
 */
final class InvoiceRenderer {
    /** A line is a code, a quantity and two amounts: far less than this, even for the largest ones. */
    private static final int MAX_LINE_BYTES = 64;
    private static final int MAX_FIXED_BYTES = 512;

    private static final byte[] HEAD = ascii("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n\r\n"
            + "sku,quantity,unit,amount\n");
    private static final byte[] INVOICE = ascii("invoice,");
    private static final byte[] SUBTOTAL = ascii("subtotal,,,");
    private static final byte[] DISCOUNT = ascii("discount,,,-");
    private static final byte[] TAX = ascii("vat,,,");
    private static final byte[] SHIPPING = ascii("shipping,,,");
    private static final byte[] TOTAL = ascii("total,,,");

    private final byte[] footer;
    private final byte[] scratch;
    private int length;

    /** @param footer text every invoice ends with, in ASCII; empty for none */
    InvoiceRenderer(byte[] footer) {
        this.footer = footer.clone();
        this.scratch = new byte[OrderParser.MAX_LINES * MAX_LINE_BYTES + MAX_FIXED_BYTES + footer.length];
    }

    byte[] render(Invoice invoice) {
        PurchaseOrder order = invoice.order();
        length = 0;
        put(HEAD);
        put(INVOICE);
        putLong(order.number());
        put(',');
        putLong(order.customer());
        put('\n');
        for (int i = 0; i < order.lines(); i++) {
            Product product = invoice.products().get(i);
            int quantity = order.quantities()[i];
            put(product.code());
            put(',');
            putLong(quantity);
            put(',');
            putCents(product.unitCents());
            put(',');
            putCents(product.unitCents() * quantity);
            put('\n');
        }
        putTotal(SUBTOTAL, invoice.subtotalCents());
        putTotal(DISCOUNT, invoice.discountCents());
        putTotal(TAX, invoice.taxCents());
        putTotal(SHIPPING, invoice.shippingCents());
        putTotal(TOTAL, invoice.totalCents());
        put(footer);
        return Arrays.copyOf(scratch, length);
    }

    private void putTotal(byte[] label, long cents) {
        put(label);
        putCents(cents);
        put('\n');
    }

    /** Writes {@code 1234} as {@code 12.34}. */
    private void putCents(long cents) {
        putLong(cents / 100);
        put('.');
        put((char) ('0' + cents / 10 % 10));
        put((char) ('0' + cents % 10));
    }

    /** Writes a non-negative number in decimal, without going through a String. */
    private void putLong(long value) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = length + digits - 1; i >= length; i--) {
            scratch[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
    }

    private void put(char c) {
        scratch[length++] = (byte) c;
    }

    private void put(byte[] bytes) {
        System.arraycopy(bytes, 0, scratch, length, bytes.length);
        length += bytes.length;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
