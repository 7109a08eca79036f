// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The JDK's own reader at its plainest, for the analyzer-speed benchmark: a {@link RecordingFile} loop over every
 * event of a recording that walks every frame of every stack trace and touches each frame's method name, its type's
 * name and its line number, folding them into a checksum so that none of it is dead code. No model is built and
 * nothing is kept: the floor under any analyzer that reads with {@code jdk.jfr.consumer}.
 *
 * <p>Usage: {@code RecordingFileWalk [--distinct-stacks] FILE}. It prints
 * {@code heapwise-walk: events=N stackedEvents=N frames=N checksum=X seconds=S}. With {@code --distinct-stacks} it
 * also counts the distinct stack traces (by their frames' type, method, descriptor and line) and the distinct threads
 * (by their JFR thread id) of the events, and adds {@code distinctStacks=N distinctThreads=N}; that costs a hash-set
 * look-up per event, so the benchmark runs without it.
 */
public final class RecordingFileWalk {
  private RecordingFileWalk() {}

  public static void main(String[] args) throws IOException {
    boolean distinct = false;
    Path file = null;
    for (String arg : args) {
      if (arg.equals("--distinct-stacks")) {
        distinct = true;
      } else if (arg.startsWith("-") || file != null) {
        System.err.println("usage: RecordingFileWalk [--distinct-stacks] FILE");
        System.exit(2);
      } else {
        file = Path.of(arg);
      }
    }
    if (file == null) {
      System.err.println("usage: RecordingFileWalk [--distinct-stacks] FILE");
      System.exit(2);
    }
    long start = System.nanoTime();
    long events = 0;
    long stacked = 0;
    long frames = 0;
    long checksum = 0;
    Set<Long> stacks = distinct ? new HashSet<>() : null;
    Set<Long> threads = distinct ? new HashSet<>() : null;
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        events++;
        RecordedStackTrace stackTrace = event.getStackTrace();
        if (stackTrace != null) {
          stacked++;
          List<RecordedFrame> list = stackTrace.getFrames();
          long stackHash = list.size();
          for (RecordedFrame frame : list) {
            RecordedMethod method = frame.getMethod();
            int line = frame.getLineNumber();
            long h = method.getName().hashCode() * 31L + method.getType().getName().hashCode();
            h = h * 31 + line;
            checksum = checksum * 1_000_003 + h;
            if (distinct) {
              stackHash = stackHash * 1_000_003 + h * 31 + method.getDescriptor().hashCode();
            }
          }
          frames += list.size();
          if (distinct) {
            stacks.add(stackHash);
          }
        }
        if (distinct) {
          RecordedThread thread = event.getThread();
          if (thread != null) {
            threads.add(thread.getId());
          }
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "heapwise-walk: events=%d stackedEvents=%d frames=%d checksum=%x seconds=%.1f%s%n",
        events, stacked, frames, checksum, seconds,
        distinct ? " distinctStacks=" + stacks.size() + " distinctThreads=" + threads.size() : "");
  }
}
