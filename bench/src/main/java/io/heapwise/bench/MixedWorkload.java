// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The workload behind the analyzer-speed benchmark's big recording: many of the samples' programs at once in one JVM,
 * each on its own thread, so that the recording has the many threads, allocated types and distinct stacks of a
 * service rather than the few of one sample. Run it under the agent; it ends the JVM once JFR's disk repository holds
 * {@code --until-mb} MB of chunks (the dumped recording is about that size) or after {@code --seconds}, whichever comes
 * first, and the agent writes the recording as the JVM exits.
 *
 * <p>Usage: {@code MixedWorkload [--seconds S] [--until-mb MB] [sample class ...]} with the samples jar on the class
 * path; without classes it runs {@link #DEFAULT_SAMPLES}. Each sample's {@code main} gets {@code --seconds S}. It
 * prints {@code heapwise-mixed: samples=N seconds=S repositoryMB=M stoppedBy=size|time} as it ends.
 */
public final class MixedWorkload {
  /**
   * Planted samples, most of their fixed twins and the escape samples; every one accepts {@code --seconds S}. Left out:
   * the twins that allocate almost nothing (CompactGraphWalk, BufferReusingRequestHandlerLoop, PrimitiveMetricsRollup,
   * CoordinateTilePrefetcher), whose CPU time would only slow the recording down.
   */
  static final List<String> DEFAULT_SAMPLES = List.of(
      "io.heapwise.samples.unsized.OrderBook",
      "io.heapwise.samples.unsized.PresizedOrderBook",
      "io.heapwise.samples.pooling.RequestHandlerLoop",
      "io.heapwise.samples.shortlived.LogAggregator",
      "io.heapwise.samples.shortlived.ScanningLogAggregator",
      "io.heapwise.samples.pointers.GraphWalk",
      "io.heapwise.samples.boxing.MetricsRollup",
      "io.heapwise.samples.threads.ThumbnailRenderer",
      "io.heapwise.samples.threads.PooledThumbnailRenderer",
      "io.heapwise.samples.largearrays.ImageTiler",
      "io.heapwise.samples.largearrays.CanvasReusingImageTiler",
      "io.heapwise.samples.lifetimes.QuoteService",
      "io.heapwise.samples.gate.WholesaleCheckout",
      "io.heapwise.samples.escape.GeometryKernel",
      "io.heapwise.samples.escape.ScalarGeometryKernel",
      "io.heapwise.samples.escape.VatCalculator",
      "io.heapwise.samples.escape.NestingLinter",
      "io.heapwise.samples.escape.LevelMeter",
      "io.heapwise.samples.escape.TilePrefetcher",
      "io.heapwise.samples.escape.StatusClassDecoy");
  private static final long POLL_MILLIS = 250;

  private MixedWorkload() {}

  public static void main(String[] args) throws Exception {
    long seconds = 120;
    long untilMb = 0;
    List<String> classes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Long.parseLong(value(args, ++i));
        case "--until-mb" -> untilMb = Long.parseLong(value(args, ++i));
        default -> {
          if (args[i].startsWith("-")) {
            usage("unknown option " + args[i]);
          }
          classes.add(args[i]);
        }
      }
    }
    if (classes.isEmpty()) {
      classes.addAll(DEFAULT_SAMPLES);
    }
    AtomicInteger failed = new AtomicInteger();
    String[] sampleArgs = {"--seconds", Long.toString(seconds)};
    for (String name : classes) {
      Method main = Class.forName(name).getMethod("main", String[].class);
      Thread thread = new Thread(() -> {
        try {
          main.invoke(null, (Object) sampleArgs.clone());
        } catch (InvocationTargetException e) {
          failed.incrementAndGet();
          System.err.println("heapwise-mixed: " + name + " failed: " + e.getCause());
        } catch (ReflectiveOperationException e) {
          failed.incrementAndGet();
          System.err.println("heapwise-mixed: " + name + " could not start: " + e);
        }
      }, "mixed-" + name.substring(name.lastIndexOf('.') + 1));
      thread.setDaemon(true);
      thread.start();
    }
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    String stoppedBy = "time";
    long bytes = 0;
    while (System.nanoTime() < deadline) {
      Thread.sleep(POLL_MILLIS);
      bytes = repositoryBytes();
      if (untilMb > 0 && bytes >= untilMb << 20) {
        stoppedBy = "size";
        break;
      }
    }
    System.out.printf(Locale.ROOT, "heapwise-mixed: samples=%d failed=%d seconds=%.1f repositoryMB=%.1f stoppedBy=%s%n",
        classes.size(), failed.get(), (System.nanoTime() - start) / 1e9, bytes / 1048576.0, stoppedBy);
    System.out.flush();
    // The samples' threads are daemons and may still be running: exit now, and the agent's hook dumps the recording.
    System.exit(failed.get() == 0 ? 0 : 1);
  }

  /** The bytes of the chunk files in JFR's disk repository of this JVM, 0 when JFR has none (yet). */
  static long repositoryBytes() {
    String repository = System.getProperty("jdk.jfr.repository");
    if (repository == null) {
      return 0;
    }
    try (Stream<Path> files = Files.list(Path.of(repository))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jfr")).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0; // a chunk removed while we listed
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      usage(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void usage(String why) {
    System.err.println("MixedWorkload: " + why);
    System.err.println("usage: MixedWorkload [--seconds S] [--until-mb MB] [sample class ...]");
    System.exit(2);
  }
}
