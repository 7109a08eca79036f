// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.gate;

import io.heapwise.samples.SampleRun;
import io.heapwise.samples.gate.OrderParser.PurchaseOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkout API of a wholesale order desk, the workload for testing a CI allocation gate: each request is a
 * purchase order of 100 to 400 lines, parsed, priced and rendered as a CSV invoice into a byte array. Every request
 * allocates the same bytes from run to run, and {@code --variant} picks the code under test (see {@link Variant}):
 * {@code baseline}, {@code regression}, {@code small-change} or {@code new-finding}.
 *
 * <p>Work is done in batches of {@link #BATCH} requests, always full, and each batch commits one
 * {@link RequestsEvent}, so a gate divides a recording's bytes by the requests it served. Usage:
 * {@code WholesaleCheckout [--variant NAME] [--seconds S]}.
 */
public final class WholesaleCheckout {
    /** Requests per {@link RequestsEvent}; also the number of distinct orders in the feed. */
    public static final int BATCH = 64;
    /**
     * What finance wanted at the end of every invoice (the {@code small-change} variant): a change a gate with a 10%
     * threshold must let through.
     */
    static final String PAYMENT_TERMS = """
            terms,Net 30 days from the invoice date; 2% early payment discount if paid within 10 days
            late-payment,Interest of 9 percentage points above the base rate, plus fixed compensation, on overdue amounts
            title,The goods remain our property until this invoice has been paid in full
            returns,Unopened goods may be returned within 14 days of delivery; quote the invoice number
            remit-to,Heapwise Wholesale Ltd,Accounts Receivable,PO Box 4711,Sample City
            iban,DE00 1234 5678 9012 3456 78,BIC HWSLDEXXXX
            """;

    private final OrderFeed feed = new OrderFeed(BATCH);
    private final OrderParser parser = new OrderParser();
    private final Pricer pricer;
    private final InvoiceRenderer renderer;
    private final ResponseLog log;

    /** Sets up the price list, the feed and the pipeline; none of it is per-request work. */
    public WholesaleCheckout(Variant variant) {
        PriceList priceList = new PriceList();
        pricer = new Pricer(priceList,
                variant == Variant.NEW_FINDING ? new GrowingLineResolver() : new LineResolver());
        renderer = new InvoiceRenderer(variant == Variant.SMALL_CHANGE
                ? PAYMENT_TERMS.getBytes(StandardCharsets.US_ASCII) : new byte[0]);
        log = variant == Variant.REGRESSION ? new CopyingResponseLog() : new ResponseLog();
    }

    public static void main(String[] args) {
        Variant variant = Variant.BASELINE;
        List<String> runArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--variant") && i + 1 < args.length) {
                variant = Variant.of(args[++i]);
            } else if (args[i].startsWith("--variant=")) {
                variant = Variant.of(args[i].substring("--variant=".length()));
            } else {
                runArgs.add(args[i]);
            }
        }
        SampleRun run = SampleRun.of(WholesaleCheckout.class, runArgs.toArray(String[]::new));
        WholesaleCheckout checkout = new WholesaleCheckout(variant);
        long requests = 0;
        long checksum = 0;
        run.begin();
        do {
            checksum = 31 * checksum + checkout.handleBatch();
            requests += BATCH;
        } while (run.keepGoing());
        run.end("priced %,d requests (variant " + variant.id() + ")", requests, checksum);
    }

    /** Handles the next {@link #BATCH} requests and commits their {@link RequestsEvent}; returns a checksum. */
    public long handleBatch() {
        RequestsEvent event = new RequestsEvent();
        event.begin();
        long checksum = 0;
        for (int i = 0; i < BATCH; i++) {
            checksum = 31 * checksum + handle(feed.next());
        }
        event.count = BATCH;
        event.commit();
        return checksum;
    }

    /** One request: the connection writes the returned invoice, and the checksum keeps the JIT from dropping it. */
    private long handle(byte[] request) {
        PurchaseOrder order = parser.parse(request);
        byte[] response = renderer.render(pricer.price(order));
        log.record(order.number(), response);
        return response.length + 31L * response[response.length - 2];
    }
}
