// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.recording;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A service that has been busy for a while when a JFR recording of it begins, as when a profiler attaches to it: its
 * workers allocate at a steady pace for {@code --before S} seconds, then it records itself for {@code --seconds S},
 * starting a few short-lived threads during the recording, and dumps the recording to {@code --out FILE}.
 *
 * <p>Not a finding: a fixture for how JFR weighs each thread's first allocation sample in a recording. For every
 * thread it prints what that thread really allocated while the recording ran, measured by the thread's own counter:
 * {@code heapwise-thread: name=worker-1 started=before recordedBytes=123456}.
 *
 * <p>Options: {@code --settings} a JDK configuration name ({@code default}, {@code profile}) or a .jfc file;
 * {@code --disable EVENT} turns one event of it off (repeatable); {@code --workers N}; {@code --bursts N};
 * {@code --split N} starts and stops an empty recording N times, evenly spaced, as a second profiler attaching for
 * a moment would: JFR begins a new chunk at each start and each stop, so the recording has at least 2N+1 chunks
 * whatever the machine's speed ({@code maxchunksize} alone rotates late when the CPUs are busy).
 */
public final class LateRecording {
    /** Each worker's pace: steady, so that its rate before the recording is its rate during it. */
    static final long WORKER_BYTES_PER_SECOND = 40L << 20;
    /** What each short-lived thread allocates, as fast as it can, before it ends. */
    static final long BURST_BYTES = 24L << 20;
    private static final int ARRAY_BYTES = 1024;
    private static final long SLICE_BYTES = 256L << 10;

    // The com.sun.management variant is the one with per-thread allocation counters.
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final ConcurrentLinkedQueue<String> burstLines = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private final LongAdder checksum = new LongAdder();

    public static void main(String[] args) throws Exception {
        double before = 4;
        double seconds = 3;
        String settings = "default";
        Path out = Path.of("LateRecording.jfr");
        int workers = 3;
        int bursts = 6;
        int splits = 0;
        List<String> disabled = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--before" -> before = Double.parseDouble(value);
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--settings" -> settings = value;
                case "--out" -> out = Path.of(value);
                case "--workers" -> workers = Integer.parseInt(value);
                case "--bursts" -> bursts = Integer.parseInt(value);
                case "--disable" -> disabled.add(value);
                case "--split" -> splits = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("usage: LateRecording [--before S] [--seconds S]"
                        + " [--settings NAME|FILE] [--disable EVENT]... [--out FILE] [--workers N] [--bursts N]"
                        + " [--split N];"
                        + " got: " + args[i]);
            }
            i++;
        }
        new LateRecording().run(before, seconds, configuration(settings), disabled, out, workers, bursts, splits);
    }

    private static Configuration configuration(String settings) throws IOException, ParseException {
        Path file = Path.of(settings);
        return Files.isRegularFile(file) ? Configuration.create(file) : Configuration.getConfiguration(settings);
    }

    private void run(double before, double seconds, Configuration settings, List<String> disabled, Path out,
            int workerCount, int burstCount, int splitCount) throws IOException, InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int i = 1; i <= workerCount; i++) {
            Thread worker = new Thread(this::work, "worker-" + i);
            worker.start();
            workers.add(worker);
        }
        Thread.sleep((long) (before * 1000));

        long[] startBytes = new long[workerCount];
        try (Recording recording = new Recording(settings)) {
            disabled.forEach(recording::disable);
            recording.start();
            for (int i = 0; i < workerCount; i++) {
                startBytes[i] = THREADS.getThreadAllocatedBytes(workers.get(i).getId());
            }
            // Only when asked, so that a recording made without --split holds no threads but the workers and bursts.
            Thread splitter = new Thread(() -> split(splitCount, seconds), "splitter");
            if (splitCount > 0) {
                splitter.start();
            }
            // The bursts are spread over the recording's middle, away from its first and last moments.
            long pauseMillis = (long) (seconds * 1000 / (burstCount + 1));
            for (int i = 1; i <= burstCount; i++) {
                Thread.sleep(pauseMillis);
                Thread burst = new Thread(this::burst, "burst-" + i);
                burst.start();
                burst.join();
            }
            Thread.sleep(Math.max(0, (long) (seconds * 1000) - pauseMillis * burstCount));
            if (splitCount > 0) {
                splitter.join();
            }
            recording.stop();
            long[] endBytes = new long[workerCount];
            for (int i = 0; i < workerCount; i++) {
                endBytes[i] = THREADS.getThreadAllocatedBytes(workers.get(i).getId());
            }
            running = false;
            for (Thread worker : workers) {
                worker.join();
            }
            recording.dump(out);
            for (int i = 0; i < workerCount; i++) {
                System.out.println(line(workers.get(i).getName(), "before", endBytes[i] - startBytes[i]));
            }
        }
        burstLines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "LateRecording: recorded %.1f s after %.1f s of work, to %s (checksum %d)%n",
                seconds, before, out, checksum.sum());
    }

    /** Ends the current chunk {@code 2 * count} times, at {@code count} moments spread over the recording. */
    private static void split(int count, double seconds) {
        long pauseMillis = (long) (seconds * 1000 / (count + 1));
        try {
            for (int i = 1; i <= count; i++) {
                Thread.sleep(pauseMillis);
                try (Recording probe = new Recording()) {
                    probe.start();
                    probe.stop();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A worker: allocates in small slices, each followed by a pause that holds it to its pace. */
    private void work() {
        byte[][] recent = new byte[64][];
        long startNanos = System.nanoTime();
        long allocated = 0;
        long sum = 0;
        while (running) {
            sum += allocate(recent, SLICE_BYTES);
            allocated += SLICE_BYTES;
            long dueNanos = startNanos + allocated * 1_000_000_000L / WORKER_BYTES_PER_SECOND;
            long aheadNanos = dueNanos - System.nanoTime();
            if (aheadNanos > 0) {
                try {
                    Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        checksum.add(sum);
    }

    /** A short-lived thread started during the recording: all it ever allocates is in the recording. */
    private void burst() {
        long sum = allocate(new byte[64][], BURST_BYTES);
        long total = THREADS.getCurrentThreadAllocatedBytes();
        checksum.add(sum);
        burstLines.add(line(Thread.currentThread().getName(), "during", total));
    }

    /** Allocates {@code bytes} in 1 KiB arrays, keeping the last few reachable so that none can be optimized away. */
    private static long allocate(byte[][] recent, long bytes) {
        long sum = 0;
        for (long done = 0; done < bytes; done += ARRAY_BYTES) {
            // 16 bytes of array header, so that each array takes ARRAY_BYTES of heap.
            byte[] array = new byte[ARRAY_BYTES - 16];
            array[(int) (done % array.length)] = (byte) done;
            recent[(int) ((done / ARRAY_BYTES) % recent.length)] = array;
            sum += array[0];
        }
        return sum;
    }

    private static String line(String thread, String started, long recordedBytes) {
        return String.format(Locale.ROOT, "heapwise-thread: name=%s started=%s recordedBytes=%d", thread, started,
                recordedBytes);
    }
}
