// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.shortlived;

import io.heapwise.samples.SampleRun;

/**
 * The fixed twin of {@link LogAggregator}: the same per-service rollup, but {@link #ingest} records where each field
 * starts and ends in two reused {@code int} arrays and parses numbers and matches the service name in place, so a line
 * costs no allocation at all.
 */
public final class ScanningLogAggregator {
    private final ServiceStats[] services;
    private final WindowSummary[] history = new WindowSummary[LogAggregator.HISTORY];
    private final int[] fieldStart = new int[AccessLogSource.FIELDS];
    private final int[] fieldEnd = new int[AccessLogSource.FIELDS];

    ScanningLogAggregator() {
        services = new ServiceStats[AccessLogSource.SERVICES.length];
        for (int i = 0; i < services.length; i++) {
            services[i] = new ServiceStats(AccessLogSource.SERVICES[i]);
        }
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(ScanningLogAggregator.class, args);
        AccessLogSource source = new AccessLogSource();
        ScanningLogAggregator aggregator = new ScanningLogAggregator();
        long windows = 0;
        long checksum = 0;
        run.begin();
        do {
            for (int i = 0; i < LogAggregator.WINDOW_LINES; i++) {
                aggregator.ingest(source.nextLine());
            }
            checksum = 31 * checksum + aggregator.closeWindow(windows++);
        } while (run.keepGoing());
        run.end("aggregated %,d lines", windows * LogAggregator.WINDOW_LINES, checksum);
    }

    /** Adds one access-log line to its service's counters. */
    void ingest(String line) {
        findFields(line); // fixed: HOT_SHORT_LIVED
        ServiceStats stats = service(line, fieldStart[AccessLogSource.SERVICE_FIELD],
                fieldEnd[AccessLogSource.SERVICE_FIELD]);
        int status = Integer.parseInt(line, fieldStart[AccessLogSource.STATUS_FIELD],
                fieldEnd[AccessLogSource.STATUS_FIELD], 10);
        int latency = Integer.parseInt(line, fieldStart[AccessLogSource.LATENCY_FIELD],
                fieldEnd[AccessLogSource.LATENCY_FIELD] - "ms".length(), 10);
        stats.record(status, latency);
    }

    /** Records the bounds of the line's space-separated fields in {@link #fieldStart} and {@link #fieldEnd}. */
    private void findFields(String line) {
        int start = 0;
        for (int field = 0; field < AccessLogSource.FIELDS; field++) {
            int space = line.indexOf(' ', start);
            int end = space < 0 ? line.length() : space;
            fieldStart[field] = start;
            fieldEnd[field] = end;
            start = end + 1;
        }
    }

    /** The counters of the service whose name is {@code line[start, end)}. */
    private ServiceStats service(String line, int start, int end) {
        int length = end - start;
        for (ServiceStats stats : services) {
            if (stats.service.length() == length && line.startsWith(stats.service, start)) {
                return stats;
            }
        }
        throw new IllegalArgumentException("unknown service in: " + line);
    }

    /** Publishes the window's summary and resets the counters; returns the summary's digest. */
    long closeWindow(long window) {
        long digest = 0;
        for (ServiceStats stats : services) {
            digest = 31 * digest + stats.closeWindow();
        }
        WindowSummary summary = new WindowSummary(window, LogAggregator.WINDOW_LINES, digest);
        history[(int) (window & (LogAggregator.HISTORY - 1))] = summary;
        return summary.digest();
    }
}
