// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.lifetimes;

import io.heapwise.samples.SampleRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A price service for the agent's instrumentation mode, with lifetimes and sizes known by construction. Every
 * request prices a {@link Quote} that is dead a few requests later ({@code // site: short-lived}); every
 * {@value #CACHE_EVERY}th request also caches a {@link CachedQuote} for the rest of the run ({@code // site:
 * long-lived}); and every request collects its price ticks in a default-capacity list of 5, 40 or 300 elements, in
 * turn ({@code // site: ticks}). Single-threaded. Besides the {@code heapwise-sample:} line it prints
 * {@code heapwise-sample-counts: quotes=N cached=N tickLists=N}, the exact allocation counts of those three sites.
 */
public final class QuoteService {
    static final int CACHE_EVERY = 50;
    /** Sizes the tick lists reach, in turn. */
    static final int[] TICK_LIST_SIZES = {5, 40, 300};
    /** The cache stops growing here, so that a long run does not run out of a small heap. */
    private static final int CACHE_LIMIT = 150_000;
    /** Quotes stay reachable for this many requests: they die young, but not inside their method. */
    private static final int RECENT = 16;
    private static final int BATCH = 256;
    private static final String[] SYMBOLS = {"ACME", "INITECH", "GLOBEX", "UMBRELLA", "HOOLI", "STARK"};

    private final List<CachedQuote> cache = new ArrayList<>(CACHE_LIMIT);
    private final Quote[] recent = new Quote[RECENT];
    private final Long[] tickValues = new Long[301];
    private long quotes;
    private long tickLists;

    record Quote(String symbol, long bid, long ask, long sequence) {}

    record CachedQuote(String symbol, long mid, long sequence) {}

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(QuoteService.class, args);
        QuoteService service = new QuoteService();
        for (int i = 0; i < service.tickValues.length; i++) {
            service.tickValues[i] = (long) i * 7;
        }
        long requests = 0;
        long checksum = 0;
        run.begin();
        do {
            for (int i = 0; i < BATCH; i++) {
                checksum = 31 * checksum + service.handle(requests++);
            }
        } while (run.keepGoing());
        run.end("priced %,d quotes", requests, checksum);
        System.out.println(String.format(Locale.ROOT, "heapwise-sample-counts: quotes=%d cached=%d tickLists=%d",
                service.quotes, service.cache.size(), service.tickLists));
    }

    long handle(long request) {
        String symbol = SYMBOLS[(int) (request % SYMBOLS.length)];
        Quote quote = new Quote(symbol, 100_000 + request % 97, 100_010 + request % 89, request); // site: short-lived
        quotes++;
        recent[(int) (request % RECENT)] = quote;
        if (request % CACHE_EVERY == 0 && cache.size() < CACHE_LIMIT) {
            cache.add(new CachedQuote(symbol, (quote.bid() + quote.ask()) / 2, request)); // site: long-lived
        }
        return quote.ask() - quote.bid() + sumTicks(TICK_LIST_SIZES[(int) (request % TICK_LIST_SIZES.length)]);
    }

    /** Collects {@code count} ticks into a fresh list, as a handler building a response would, and sums them. */
    long sumTicks(int count) {
        List<Long> ticks = new ArrayList<>(); // site: ticks
        tickLists++;
        for (int i = 0; i < count; i++) {
            ticks.add(tickValues[i]);
        }
        long sum = 0;
        for (Long tick : ticks) {
            sum += tick;
        }
        return sum;
    }
}
