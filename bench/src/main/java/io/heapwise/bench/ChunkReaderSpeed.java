// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.bench;

import io.heapwise.analyzer.read.JfrChunks;
import io.heapwise.analyzer.read.jfr.JfrChunkReader;
import io.heapwise.analyzer.read.jfr.JfrEvent;
import io.heapwise.analyzer.read.jfr.JfrFormatException;
import io.heapwise.analyzer.read.jfr.JfrObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * How fast the analyzer's chunk reader reads allocation events, against a {@link RecordingFile} loop over the same
 * fields: what the event mapper reads per event (time, thread, stack, class, weight), with each distinct stack's
 * frames and each class's name worked out once, by identity, as the mapper does. Rounds alternate between the two
 * readers, after warm-up rounds of each (on two busy cores C2 takes seconds to compile the hot loops, and a round
 * of the chunk reader is a fraction of a second); the file is in the page cache after the first. Prints MB/s of
 * file per round and the median of each, by the wall clock and by the thread's CPU time (which a machine busy with
 * other work disturbs less).
 *
 * <p>With {@code --fields-only}, both readers only read the fields, with no identity caches and no frames: the
 * readers alone.
 *
 * <p>{@code java -cp bench/target/heapwise-bench.jar:bench/target/lib/* io.heapwise.bench.ChunkReaderSpeed
 * [--rounds 5] [--warmup 3] [--fields-only] file.jfr...}
 */
public final class ChunkReaderSpeed {

  private static final String SAMPLE = "jdk.ObjectAllocationSample";
  private static final String IN_NEW_TLAB = "jdk.ObjectAllocationInNewTLAB";
  private static final String OUTSIDE_TLAB = "jdk.ObjectAllocationOutsideTLAB";
  private static final Set<String> ALLOCATIONS = Set.of(SAMPLE, IN_NEW_TLAB, OUTSIDE_TLAB);

  /** Sums everything read, so that the JIT cannot drop the reading; also the events counted. */
  private long checksum;
  private long events;
  private final boolean fieldsOnly;

  private ChunkReaderSpeed(boolean fieldsOnly) {
    this.fieldsOnly = fieldsOnly;
  }

  public static void main(String[] args) throws Exception {
    int rounds = 5;
    int warmup = 3;
    boolean fieldsOnly = false;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--rounds")) {
        rounds = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--warmup")) {
        warmup = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--fields-only")) {
        fieldsOnly = true;
      } else {
        files.add(Path.of(args[i]));
      }
    }
    if (files.isEmpty()) {
      System.err.println("usage: ChunkReaderSpeed [--rounds N] [--warmup N] [--fields-only] file.jfr...");
      System.exit(2);
    }
    for (Path file : files) {
      measure(file, rounds, warmup, fieldsOnly);
    }
  }

  private static void measure(Path file, int rounds, int warmup, boolean fieldsOnly) throws Exception {
    long bytes = Files.size(file);
    List<ByteBuffer> chunks = chunks(file);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] ours = new double[rounds];
    double[] jdk = new double[rounds];
    double[] oursCpu = new double[rounds];
    double[] jdkCpu = new double[rounds];
    // Rounds of each to load classes, fill the page cache and compile; not counted.
    ChunkReaderSpeed warmOurs = new ChunkReaderSpeed(fieldsOnly);
    ChunkReaderSpeed warmJdk = new ChunkReaderSpeed(fieldsOnly);
    for (int round = 0; round < Math.max(1, warmup); round++) {
      warmOurs = new ChunkReaderSpeed(fieldsOnly);
      warmOurs.readWithChunkReader(chunks);
      warmJdk = new ChunkReaderSpeed(fieldsOnly);
      warmJdk.readWithRecordingFile(file);
    }
    System.out.printf(Locale.ROOT, "%s: %,d bytes, %d chunks, %,d allocation events (JDK reader: %,d)%s%n", file,
        bytes, chunks.size(), warmOurs.events, warmJdk.events, fieldsOnly ? ", fields only" : "");
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      long startCpu = threads.getCurrentThreadCpuTime();
      new ChunkReaderSpeed(fieldsOnly).readWithChunkReader(chunks);
      ours[round] = megabytesPerSecond(bytes, System.nanoTime() - start);
      oursCpu[round] = megabytesPerSecond(bytes, threads.getCurrentThreadCpuTime() - startCpu);
      start = System.nanoTime();
      startCpu = threads.getCurrentThreadCpuTime();
      new ChunkReaderSpeed(fieldsOnly).readWithRecordingFile(file);
      jdk[round] = megabytesPerSecond(bytes, System.nanoTime() - start);
      jdkCpu[round] = megabytesPerSecond(bytes, threads.getCurrentThreadCpuTime() - startCpu);
      System.out.printf(Locale.ROOT, "  round %d: chunk reader %7.1f MB/s (CPU %7.1f), RecordingFile %6.1f MB/s"
          + " (CPU %6.1f)%n", round + 1, ours[round], oursCpu[round], jdk[round], jdkCpu[round]);
    }
    System.out.printf(Locale.ROOT, "  median of %d: chunk reader %.1f MB/s (CPU %.1f), RecordingFile %.1f MB/s"
        + " (CPU %.1f); %.1fx%n", rounds, median(ours), median(oursCpu), median(jdk), median(jdkCpu),
        median(ours) / median(jdk));
  }

  private static List<ByteBuffer> chunks(Path file) throws Exception {
    JfrChunks.Layout layout = JfrChunks.scan(file);
    List<ByteBuffer> chunks = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      for (JfrChunks.Chunk chunk : layout.chunks()) {
        if (chunk.complete()) {
          chunks.add(channel.map(FileChannel.MapMode.READ_ONLY, chunk.offset(), chunk.declaredSize()));
        }
      }
    }
    return chunks;
  }

  private void readWithChunkReader(List<ByteBuffer> chunks) throws JfrFormatException {
    for (ByteBuffer chunk : chunks) {
      Map<JfrObject, Integer> stacks = new IdentityHashMap<>();
      Map<JfrObject, String> classes = new IdentityHashMap<>();
      JfrChunkReader.open(chunk).readEvents(ALLOCATIONS, event -> readAllocation(event, stacks, classes));
    }
  }

  private void readAllocation(JfrEvent event, Map<JfrObject, Integer> stacks, Map<JfrObject, String> classes) {
    events++;
    String type = event.typeName();
    long weight = event.getLong(type.equals(SAMPLE) ? "weight" : type.equals(IN_NEW_TLAB) ? "tlabSize"
        : "allocationSize");
    JfrObject thread = event.getObject("eventThread");
    JfrObject stack = event.getObject("stackTrace");
    JfrObject objectClass = event.getObject("objectClass");
    checksum += event.startEpochNanos() + weight + (thread == null ? 0 : thread.getLong("javaThreadId"));
    if (fieldsOnly) {
      checksum += (stack == null ? 0 : 1) + (objectClass == null ? 0 : 2);
      return;
    }
    if (stack != null) {
      checksum += stacks.computeIfAbsent(stack, ChunkReaderSpeed::frames);
    }
    if (objectClass != null) {
      checksum += classes.computeIfAbsent(objectClass, c -> c.getString("name").replace('/', '.')).length();
    }
  }

  /** What the mapper works out per distinct stack: each frame's class, method, line and bytecode index. */
  private static int frames(JfrObject stack) {
    int sum = 0;
    for (Object element : (Object[]) stack.getValue("frames")) {
      JfrObject frame = (JfrObject) element;
      JfrObject method = frame.getObject("method");
      JfrObject type = method == null ? null : method.getObject("type");
      sum += (type == null ? 0 : type.getString("name").length()) + (method == null ? 0
          : method.getString("name").length()) + (int) frame.getLong("lineNumber")
          + (int) frame.getLong("bytecodeIndex") + (frame.getString("type") == null ? 0 : 1);
    }
    return sum;
  }

  private void readWithRecordingFile(Path file) throws IOException {
    Map<RecordedStackTrace, Integer> stacks = new IdentityHashMap<>();
    Map<RecordedClass, String> classes = new IdentityHashMap<>();
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        String type = event.getEventType().getName();
        if (!ALLOCATIONS.contains(type)) {
          continue;
        }
        events++;
        long weight = event.getLong(type.equals(SAMPLE) ? "weight" : type.equals(IN_NEW_TLAB) ? "tlabSize"
            : "allocationSize");
        var thread = event.getThread();
        RecordedStackTrace stack = event.getStackTrace();
        RecordedClass objectClass = event.getClass("objectClass");
        long start = event.getStartTime().getEpochSecond() * 1_000_000_000L + event.getStartTime().getNano();
        checksum += start + weight + (thread == null ? 0 : thread.getJavaThreadId());
        if (fieldsOnly) {
          checksum += (stack == null ? 0 : 1) + (objectClass == null ? 0 : 2);
          continue;
        }
        if (stack != null) {
          checksum += stacks.computeIfAbsent(stack, ChunkReaderSpeed::frames);
        }
        if (objectClass != null) {
          checksum += classes.computeIfAbsent(objectClass, c -> c.getName()).length();
        }
      }
    }
  }

  private static int frames(RecordedStackTrace stack) {
    int sum = 0;
    for (RecordedFrame frame : stack.getFrames()) {
      RecordedMethod method = frame.getMethod();
      RecordedClass type = method == null ? null : method.getType();
      sum += (type == null ? 0 : type.getName().length()) + (method == null ? 0 : method.getName().length())
          + frame.getLineNumber() + frame.getBytecodeIndex() + (frame.getType() == null ? 0 : 1);
    }
    return sum;
  }

  private static double megabytesPerSecond(long bytes, long nanos) {
    return bytes / 1e6 / (nanos / 1e9);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
