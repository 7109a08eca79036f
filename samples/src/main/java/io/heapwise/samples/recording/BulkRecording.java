// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Records itself until the recording holds {@code --mb} megabytes, then writes it to {@code --out FILE}: worker
 * threads allocate through thousands of distinct call paths while JFR samples every allocation it can (every TLAB
 * refill, with the TLAB events on as well). Run it with small TLABs ({@code -XX:-ResizeTLAB -XX:TLABSize=4k}) for
 * the most events a second.
 *
 * <p>Not a finding: a fixture for the analyzer at scale, a recording of a gigabyte in a few minutes. Prints
 * {@code heapwise-bulk: bytes=N seconds=S} when done.
 *
 * <p>Options: {@code --mb N} (default 100), {@code --out FILE}, {@code --threads N} (default 2).
 */
public final class BulkRecording {
    /** Call paths: {@code BRANCHES} methods at each of {@code DEPTH} levels, so BRANCHES^DEPTH distinct stacks. */
    private static final int BRANCHES = 6;
    private static final int DEPTH = 5;

    private static final Object[] RECENT = new Object[1024];

    private final LongAdder checksum = new LongAdder();
    private volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        long megabytes = 100;
        Path out = Path.of("bulk.jfr");
        int threads = 2;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--mb" -> megabytes = Long.parseLong(value);
                case "--out" -> out = Path.of(value);
                case "--threads" -> threads = Integer.parseInt(value);
                default -> throw new IllegalArgumentException(
                        "usage: BulkRecording [--mb N] [--out FILE] [--threads N]; got: " + args[i]);
            }
        }
        new BulkRecording().run(megabytes << 20, out, threads);
    }

    private void run(long targetBytes, Path out, int threadCount) throws IOException, ParseException,
            InterruptedException {
        long start = System.nanoTime();
        try (Recording recording = new Recording(denseSettings())) {
            recording.setToDisk(true);
            recording.start();
            List<Thread> workers = new ArrayList<>();
            for (int i = 1; i <= threadCount; i++) {
                int seed = i;
                Thread worker = new Thread(() -> work(seed), "bulk-worker-" + i);
                worker.start();
                workers.add(worker);
            }
            // Recording.getSize() stays 0 until the recording stops; the repository's files grow as JFR flushes.
            Path repository = Path.of(System.getProperty("jdk.jfr.repository"));
            while (repositoryBytes(repository) < targetBytes) {
                Thread.sleep(100);
            }
            running = false;
            for (Thread worker : workers) {
                worker.join();
            }
            recording.stop();
            recording.dump(out);
        }
        System.out.printf(Locale.ROOT, "heapwise-bulk: bytes=%d seconds=%.1f checksum=%d%n",
                Files.size(out), (System.nanoTime() - start) / 1e9, checksum.sum());
    }

    private static long repositoryBytes(Path repository) throws IOException {
        try (Stream<Path> files = Files.list(repository)) {
            return files.filter(file -> file.toString().endsWith(".jfr")).mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }

    /** JFR's default settings with every allocation event on, unthrottled, with stack traces. */
    private static Map<String, String> denseSettings() throws IOException, ParseException {
        Map<String, String> settings = new HashMap<>(Configuration.getConfiguration("default").getSettings());
        settings.put("jdk.ObjectAllocationSample#enabled", "true");
        settings.put("jdk.ObjectAllocationSample#throttle", "1000000/s");
        settings.put("jdk.ObjectAllocationSample#stackTrace", "true");
        for (String tlab : List.of("jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB")) {
            settings.put(tlab + "#enabled", "true");
            settings.put(tlab + "#stackTrace", "true");
        }
        return settings;
    }

    private void work(int seed) {
        long path = seed;
        long sum = 0;
        while (running) {
            // A new path each time: a multiplicative walk over all BRANCHES^DEPTH of them.
            path = (path * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L);
            sum += level(DEPTH, Math.floorMod(path >>> 16, pathCount()));
        }
        checksum.add(sum);
    }

    private static long pathCount() {
        long count = 1;
        for (int i = 0; i < DEPTH; i++) {
            count *= BRANCHES;
        }
        return count;
    }

    private static long level(int depth, long path) {
        if (depth == 0) {
            return allocate(path);
        }
        long rest = path / BRANCHES;
        return switch ((int) (path % BRANCHES)) {
            case 0 -> branch0(depth - 1, rest);
            case 1 -> branch1(depth - 1, rest);
            case 2 -> branch2(depth - 1, rest);
            case 3 -> branch3(depth - 1, rest);
            case 4 -> branch4(depth - 1, rest);
            default -> branch5(depth - 1, rest);
        };
    }

    private static long branch0(int depth, long path) {
        return level(depth, path) + 1;
    }

    private static long branch1(int depth, long path) {
        return level(depth, path) + 2;
    }

    private static long branch2(int depth, long path) {
        return level(depth, path) + 3;
    }

    private static long branch3(int depth, long path) {
        return level(depth, path) + 4;
    }

    private static long branch4(int depth, long path) {
        return level(depth, path) + 5;
    }

    private static long branch5(int depth, long path) {
        return level(depth, path) + 6;
    }

    /**
     * A few kinds of garbage, a few hundred bytes each, kept a moment in a shared ring so that C2's escape analysis
     * cannot take the allocations away.
     */
    private static long allocate(long path) {
        Object garbage = switch ((int) (path & 3)) {
            case 0 -> new byte[256 + (int) (path & 255)];
            case 1 -> new long[32];
            case 2 -> String.valueOf(path);
            default -> new ArrayList<>(List.of(path, path + 1, path + 2));
        };
        RECENT[(int) (path & (RECENT.length - 1))] = garbage;
        return garbage.hashCode() & 1;
    }
}
