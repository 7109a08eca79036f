// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Small shapes of non-escaping allocations, to see which of them C2 scalar-replaces on a given JDK: each shape is a
 * method that runs 1,024 iterations; the program runs one shape for 3 s of warm-up, then prints the bytes this thread
 * allocated per iteration over 1 s. Run one shape per JVM, as a single-file program (no build):
 * {@code java bench/escape-shapes/EscapeShapes.java SHAPE}; without a shape it lists them. See BENCHMARKS.md,
 * "Escape-analysis samples".
 */
public class EscapeShapes {
    static final int N = 1_024;
    static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    static final int[] DATA = new int[N];
    static final long[] PRICES = new long[N];
    static final double[] SIGNAL = new double[N + 128];

    record Range(int lo, int hi) {
        int length() {
            return hi - lo;
        }
    }

    record Money(long cents, int currency) {
        static final Money ZERO = new Money(0, 1);

        Money plus(Money other) {
            if (other.currency != currency) {
                throw new IllegalArgumentException("currencies differ");
            }
            return new Money(cents + other.cents, currency);
        }
    }

    record Point(double x, double y) {
        static final Point ORIGIN = new Point(0, 0);
    }

    static long ternaryMerge() {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            int v = DATA[i];
            Range r = v > 0 ? new Range(0, v) : new Range(v, 0);
            sum += r.length();
        }
        return sum;
    }

    static long ifElseMerge() {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            int v = DATA[i];
            Point p;
            if ((v & 1) == 0) {
                p = new Point(v, 1);
            } else {
                p = new Point(1, v);
            }
            sum += (long) (p.x() * 3 + p.y());
        }
        return sum;
    }

    static long mergeWithStatic() {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            int v = DATA[i];
            Point p = (v & 1) == 0 ? new Point(v, 1) : Point.ORIGIN;
            sum += (long) (p.x() * 3 + p.y());
        }
        return sum;
    }

    static long mergeWithNull() {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            int v = DATA[i];
            Point p = null;
            if ((v & 3) != 0) {
                p = new Point(v, 1);
            }
            if (p != null) {
                sum += (long) p.x();
            }
        }
        return sum;
    }

    static long loopCarriedFromStatic() {
        Money total = Money.ZERO;
        for (int i = 0; i < N; i++) {
            total = total.plus(new Money(PRICES[i], 1));
        }
        return total.cents();
    }

    static long loopCarriedFromNew() {
        Money total = new Money(0, 1);
        for (int i = 0; i < N; i++) {
            total = total.plus(new Money(PRICES[i], 1));
        }
        return total.cents();
    }

    static long mergeComparedByIdentity() {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            int v = DATA[i];
            Point a = new Point(v, 1);
            Point b = new Point(1, v);
            Point best = (v & 1) == 0 ? a : b;
            if (best == a) {
                sum++;
            }
            sum += (long) best.x();
        }
        return sum;
    }

    static long constantIndexes64() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            double[] v = new double[64];
            v[0] = SIGNAL[i];
            v[1] = SIGNAL[i + 1];
            v[63] = SIGNAL[i + 2];
            sum += v[0] * v[1] + v[63];
        }
        return (long) sum;
    }

    static long constantIndexes65() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            double[] v = new double[65];
            v[0] = SIGNAL[i];
            v[1] = SIGNAL[i + 1];
            v[64] = SIGNAL[i + 2];
            sum += v[0] * v[1] + v[64];
        }
        return (long) sum;
    }

    static long loopIndexes4() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            double[] w = new double[4];
            for (int k = 0; k < w.length; k++) {
                w[k] = SIGNAL[i + k];
            }
            sum += w[0] * w[3] + w[1] * w[2];
        }
        return (long) sum;
    }

    static long loopIndexes64() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            double[] w = new double[64];
            for (int k = 0; k < w.length; k++) {
                w[k] = SIGNAL[i + k];
            }
            double m = 0;
            for (double x : w) {
                m += x;
            }
            sum += m;
        }
        return (long) sum;
    }

    @SuppressWarnings("deprecation") // Thread.getId(): threadId() is JDK 19+, and this runs on 17 too
    public static void main(String[] args) {
        Map<String, LongSupplier> shapes = new TreeMap<>(Map.ofEntries(
                Map.entry("ternaryMerge", EscapeShapes::ternaryMerge),
                Map.entry("ifElseMerge", EscapeShapes::ifElseMerge),
                Map.entry("mergeWithStatic", EscapeShapes::mergeWithStatic),
                Map.entry("mergeWithNull", EscapeShapes::mergeWithNull),
                Map.entry("loopCarriedFromStatic", EscapeShapes::loopCarriedFromStatic),
                Map.entry("loopCarriedFromNew", EscapeShapes::loopCarriedFromNew),
                Map.entry("mergeComparedByIdentity", EscapeShapes::mergeComparedByIdentity),
                Map.entry("constantIndexes64", EscapeShapes::constantIndexes64),
                Map.entry("constantIndexes65", EscapeShapes::constantIndexes65),
                Map.entry("loopIndexes4", EscapeShapes::loopIndexes4),
                Map.entry("loopIndexes64", EscapeShapes::loopIndexes64)));
        if (args.length != 1 || !shapes.containsKey(args[0])) {
            System.out.println(String.join(" ", shapes.keySet()));
            return;
        }
        SplittableRandom random = new SplittableRandom(20261126L);
        for (int i = 0; i < N; i++) {
            DATA[i] = random.nextInt(-1_000, 1_000);
            PRICES[i] = random.nextLong(10_000);
        }
        for (int i = 0; i < SIGNAL.length; i++) {
            SIGNAL[i] = random.nextDouble();
        }
        LongSupplier shape = shapes.get(args[0]);
        long sink = 0;
        for (long end = System.nanoTime() + 3_000_000_000L; System.nanoTime() < end; ) {
            sink += shape.getAsLong();
        }
        long thread = Thread.currentThread().getId();
        long calls = 0;
        long before = THREADS.getThreadAllocatedBytes(thread);
        for (long end = System.nanoTime() + 1_000_000_000L; System.nanoTime() < end; calls++) {
            sink += shape.getAsLong();
        }
        long bytes = THREADS.getThreadAllocatedBytes(thread) - before;
        System.out.printf("%s %.3f bytes per iteration (%d calls, sink %d)%n", args[0], (double) bytes / calls / N,
                calls, sink & 1);
    }
}
