// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.shortlived;

import io.heapwise.samples.SampleRun;
import java.util.HashMap;
import java.util.Map;

/**
 * A log aggregator that rolls access-log lines up into per-service request, error and latency counters, publishing a
 * summary every window of {@value #WINDOW_LINES} lines. Planted: {@link #ingest} splits every line with
 * {@link String#split}, which allocates a list, seven substrings and an array per line, all dead a few nanoseconds
 * later. Twin: {@link ScanningLogAggregator}, which finds the field boundaries in place.
 */
public final class LogAggregator {
    /** Lines per aggregation window. */
    static final int WINDOW_LINES = 4096;
    /** Published summaries kept for the status page. A power of two. */
    static final int HISTORY = 64;

    private final Map<String, ServiceStats> byService = new HashMap<>();
    private final ServiceStats[] services;
    private final WindowSummary[] history = new WindowSummary[HISTORY];

    LogAggregator() {
        services = new ServiceStats[AccessLogSource.SERVICES.length];
        for (int i = 0; i < services.length; i++) {
            services[i] = new ServiceStats(AccessLogSource.SERVICES[i]);
            byService.put(services[i].service, services[i]);
        }
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(LogAggregator.class, args);
        AccessLogSource source = new AccessLogSource();
        LogAggregator aggregator = new LogAggregator();
        long windows = 0;
        long checksum = 0;
        run.begin();
        do {
            for (int i = 0; i < WINDOW_LINES; i++) {
                aggregator.ingest(source.nextLine());
            }
            checksum = 31 * checksum + aggregator.closeWindow(windows++);
        } while (run.keepGoing());
        run.end("aggregated %,d lines", windows * WINDOW_LINES, checksum);
    }

    /** Adds one access-log line to its service's counters. */
    void ingest(String line) {
        String[] fields = line.split(" "); // planted: HOT_SHORT_LIVED
        ServiceStats stats = byService.get(fields[AccessLogSource.SERVICE_FIELD]);
        int status = Integer.parseInt(fields[AccessLogSource.STATUS_FIELD]);
        String latency = fields[AccessLogSource.LATENCY_FIELD];
        stats.record(status, Integer.parseInt(latency, 0, latency.length() - "ms".length(), 10));
    }

    /** Publishes the window's summary and resets the counters; returns the summary's digest. */
    long closeWindow(long window) {
        long digest = 0;
        for (ServiceStats stats : services) {
            digest = 31 * digest + stats.closeWindow();
        }
        WindowSummary summary = new WindowSummary(window, WINDOW_LINES, digest);
        history[(int) (window & (HISTORY - 1))] = summary;
        return summary.digest();
    }
}
