// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Runs a sample's workload loop for {@code --seconds S} (default 5) and prints a human summary line followed by the
 * machine-readable {@code heapwise-sample:} line that the integration tests parse.
 *
 * <p>With {@code --warmup W} (seconds, less than {@code --seconds}), the first {@code W} seconds of the run are
 * warm-up, and a third line, {@code heapwise-sample-steady:}, gives the bytes the workload thread allocated after it:
 * what a sample allocates once the JIT has compiled it, without what the interpreter and C1 allocated before. A
 * sample that calls {@link #keepGoing(long)} with its count of work units also gets that line's bytes per unit.
 *
 * <p>Usage from a sample's {@code main}:
 * <pre>{@code
 * SampleRun run = SampleRun.of(OrderBook.class, args);
 * ... set up input ...
 * run.begin();
 * do { ... one batch of work ... } while (run.keepGoing());
 * run.end("matched %,d orders", orders, checksum);
 * }</pre>
 * or, to have steady-state bytes per order with {@code --warmup}, {@code while (run.keepGoing(orders))}.
 */
public final class SampleRun {
    /** How long a sample runs when {@code --seconds} is not given. */
    public static final double DEFAULT_SECONDS = 5.0;

    private final String name;
    private final long durationNanos;
    private final long warmupNanos;
    // The com.sun.management variant is the one with per-thread allocation counters (HotSpot and OpenJ9 both have it).
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private Thread workloadThread;
    private long startNanos;
    private long startBytes;
    // The first keepGoing after the warm-up: -1 until then. steadyWork is -1 when the sample does not count its work.
    private long steadyNanos = -1;
    private long steadyBytes;
    private long steadyWork;

    private SampleRun(String name, double seconds, double warmupSeconds) {
        this.name = name;
        this.durationNanos = (long) (seconds * 1e9);
        this.warmupNanos = (long) (warmupSeconds * 1e9);
    }

    /**
     * Parses the sample's command line ({@code --seconds S}, {@code --warmup W}); throws IllegalArgumentException on
     * anything else.
     */
    public static SampleRun of(Class<?> sample, String[] args) {
        double seconds = DEFAULT_SECONDS;
        double warmup = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (!option.equals("--seconds") && !option.equals("--warmup")) {
                throw new IllegalArgumentException(
                        "usage: " + sample.getSimpleName() + " [--seconds S] [--warmup W]; got: " + arg);
            } else if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(option + " needs a number of seconds");
            }
            if (option.equals("--seconds")) {
                seconds = parseSeconds(option, value);
            } else {
                warmup = parseSeconds(option, value);
            }
        }
        if (warmup > 0 && warmup >= seconds) {
            throw new IllegalArgumentException("--warmup must be less than --seconds, got: " + warmup + " and "
                    + seconds);
        }
        return new SampleRun(sample.getSimpleName(), seconds, warmup);
    }

    private static double parseSeconds(String option, String value) {
        double seconds;
        try {
            seconds = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got: " + value, e);
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(option + " must be a finite number >= 0, got: " + value);
        }
        return seconds;
    }

    /** Starts the clock and the allocation counter of the calling thread; call right before the workload loop. */
    public void begin() {
        workloadThread = Thread.currentThread();
        startBytes = threads.getThreadAllocatedBytes(workloadThread.getId());
        startNanos = System.nanoTime();
    }

    /** True while the requested time has not passed; samples call it once per batch, not per allocation. */
    public boolean keepGoing() {
        return keepGoing(-1);
    }

    /**
     * The same as {@link #keepGoing()}, for a sample that counts its work: {@code workDone} is the count of work units
     * so far, in the unit that the sample later passes to {@link #end} as {@code count}. With {@code --warmup}, the
     * first call after the warm-up notes the count and the allocated bytes, so that the steady-state line can divide
     * the one by the other.
     */
    public boolean keepGoing(long workDone) {
        long now = System.nanoTime();
        if (warmupNanos > 0 && steadyNanos < 0 && now - startNanos >= warmupNanos) {
            steadyBytes = threads.getThreadAllocatedBytes(workloadThread.getId());
            steadyWork = workDone;
            steadyNanos = now;
        }
        return now - startNanos < durationNanos;
    }

    /**
     * Stops the measurement and prints both lines (and, with {@code --warmup}, the steady-state line), e.g.
     * {@code OrderBook: matched 1,234,567 orders in 5.0 s (checksum 8123)}. {@code summaryFormat} has exactly one
     * {@code %d}-style conversion, for {@code count}.
     */
    public void end(String summaryFormat, long count, long checksum) {
        // Read the counters first so that formatting the output is not counted as workload allocation.
        long endBytes = threads.getThreadAllocatedBytes(workloadThread.getId());
        long endNanos = System.nanoTime();
        long bytes = endBytes - startBytes;
        double seconds = (endNanos - startNanos) / 1e9;
        String summary = String.format(Locale.ROOT, summaryFormat, count);
        System.out.println(String.format(Locale.ROOT, "%s: %s in %.1f s (checksum %d)", name, summary, seconds, checksum));
        System.out.println(String.format(Locale.ROOT, "heapwise-sample: name=%s seconds=%.3f allocatedBytes=%d thread=%s",
                name, seconds, bytes, workloadThread.getName()));
        if (steadyNanos >= 0) {
            // Not a field of the line above: the tests and the CLI parse that line to its end.
            String perWork = steadyWork < 0 || count <= steadyWork ? ""
                    : String.format(Locale.ROOT, " work=%d bytesPerWork=%.3f", count - steadyWork,
                            (double) (endBytes - steadyBytes) / (count - steadyWork));
            System.out.println(String.format(Locale.ROOT,
                    "heapwise-sample-steady: name=%s seconds=%.3f allocatedBytes=%d%s",
                    name, (endNanos - steadyNanos) / 1e9, endBytes - steadyBytes, perWork));
        }
        System.out.flush();
    }
}
