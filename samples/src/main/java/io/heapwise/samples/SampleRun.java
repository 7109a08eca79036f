// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Runs a sample's workload loop for {@code --seconds S} (default 5) and prints a human summary line followed by the
 * machine-readable {@code heapwise-sample:} line that the integration tests parse.
 *
 * <p>Usage from a sample's {@code main}:
 * <pre>{@code
 * SampleRun run = SampleRun.of(OrderBook.class, args);
 * ... set up input ...
 * run.begin();
 * do { ... one batch of work ... } while (run.keepGoing());
 * run.end("matched %,d orders", orders, checksum);
 * }</pre>
 */
public final class SampleRun {
    /** How long a sample runs when {@code --seconds} is not given. */
    public static final double DEFAULT_SECONDS = 5.0;

    private final String name;
    private final long durationNanos;
    // The com.sun.management variant is the one with per-thread allocation counters (HotSpot and OpenJ9 both have it).
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private Thread workloadThread;
    private long startNanos;
    private long startBytes;

    private SampleRun(String name, double seconds) {
        this.name = name;
        this.durationNanos = (long) (seconds * 1e9);
    }

    /** Parses the sample's command line ({@code --seconds S}); throws IllegalArgumentException on anything else. */
    public static SampleRun of(Class<?> sample, String[] args) {
        double seconds = DEFAULT_SECONDS;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            if (arg.equals("--seconds") && i + 1 < args.length) {
                value = args[++i];
            } else if (arg.startsWith("--seconds=")) {
                value = arg.substring("--seconds=".length());
            } else {
                throw new IllegalArgumentException("usage: " + sample.getSimpleName() + " [--seconds S]; got: " + arg);
            }
            try {
                seconds = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seconds needs a number, got: " + value, e);
            }
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("--seconds must be a finite number >= 0, got: " + value);
            }
        }
        return new SampleRun(sample.getSimpleName(), seconds);
    }

    /** Starts the clock and the allocation counter of the calling thread; call right before the workload loop. */
    public void begin() {
        workloadThread = Thread.currentThread();
        startBytes = threads.getThreadAllocatedBytes(workloadThread.getId());
        startNanos = System.nanoTime();
    }

    /** True while the requested time has not passed; samples call it once per batch, not per allocation. */
    public boolean keepGoing() {
        return System.nanoTime() - startNanos < durationNanos;
    }

    /**
     * Stops the measurement and prints both lines, e.g. {@code OrderBook: matched 1,234,567 orders in 5.0 s
     * (checksum 8123)}. {@code summaryFormat} has exactly one {@code %d}-style conversion, for {@code count}.
     */
    public void end(String summaryFormat, long count, long checksum) {
        // Read the counters first so that formatting the output is not counted as workload allocation.
        long bytes = threads.getThreadAllocatedBytes(workloadThread.getId()) - startBytes;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        String summary = String.format(Locale.ROOT, summaryFormat, count);
        System.out.println(String.format(Locale.ROOT, "%s: %s in %.1f s (checksum %d)", name, summary, seconds, checksum));
        System.out.println(String.format(Locale.ROOT, "heapwise-sample: name=%s seconds=%.3f allocatedBytes=%d thread=%s",
                name, seconds, bytes, workloadThread.getName()));
        System.out.flush();
    }
}
