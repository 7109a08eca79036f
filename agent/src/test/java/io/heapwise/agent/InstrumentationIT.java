// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.samples.lifetimes.QuoteService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instrumentation mode on the QuoteService sample, whose sites' lifetimes, counts and sizes are known by
 * construction: quotes die within a few requests, cached quotes live to the end, tick lists reach 5, 40 or 300.
 */
class InstrumentationIT {

  private static final String PACKAGE = QuoteService.class.getPackageName();
  /** A small heap: young collections every few dozen milliseconds, so that cached quotes outlive 16 of them. */
  private static final List<String> SMALL_HEAP = List.of("-Xmx64m", "-Xmn16m");
  private static final Pattern COUNTS =
      Pattern.compile("heapwise-sample-counts: quotes=(\\d+) cached=(\\d+) tickLists=(\\d+)");

  @TempDir
  static Path dir;
  private static ForkedJvm.Result run;
  private static InstrumentedSites sites;
  private static int shortLivedLine;
  private static int longLivedLine;
  private static int ticksLine;

  @BeforeAll
  static void record() throws Exception {
    Path out = dir.resolve("quotes.jfr");
    // 1 in 256 rather than the default 1 in 1,024: a slow machine still samples dozens of the cached quotes.
    run = ForkedJvm.runWithAgent(
        "out=" + out + ",instrument=true,include=" + PACKAGE + ",count=exact,sample=1/256",
        SMALL_HEAP, QuoteService.class, "--seconds", "4");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    sites = InstrumentedSites.read(out);
    shortLivedLine = markedLine("// site: short-lived");
    longLivedLine = markedLine("// site: long-lived");
    ticksLine = markedLine("// site: ticks");
  }

  @Test
  void logsWhatItInstrumentsInOneLineAndNothingIsSkipped() {
    assertThat(run.heapwiseLines()).as(run.toString()).anySatisfy(line -> assertThat(line).isEqualTo(
        "[heapwise] instrumenting allocation sites in " + PACKAGE + " (1 in 256 allocations sampled per thread,"
            + " every one counted; lifetimes of at most 20,000 objects tracked at a time)"));
    assertThat(run.heapwiseLines()).noneMatch(line -> line.contains("not instrumenting"));
    assertThat(run.stdout()).doesNotContain("[heapwise]", "warning");
    assertThat(sites.lastState().getLong("classesInstrumented")).isGreaterThanOrEqualTo(3);
    assertThat(sites.lastState().getLong("classesSkipped")).isZero();
  }

  @Test
  void shortLivedQuotesMostlyDieBeforeTheFirstCollection() {
    long samples = sites.sum("handle", shortLivedLine, "samples");
    long died = sites.sum("handle", shortLivedLine, "died");
    assertThat(samples).isGreaterThan(1_000);
    assertThat(died).isGreaterThan(samples * 9 / 10);
    // Not zero: a collection that overflows the survivor space may promote the agent's weak reference to a quote
    // still in flight, which then keeps the quote until the old generation is marked (see LifetimeTracker).
    assertThat(sites.sum("handle", shortLivedLine, "longLived")).isLessThan(samples / 100);
    Map<Double, Long> gcCycles = sites.histogram(sites.lifetimes(), "handle", shortLivedLine, "gcHistogram");
    // Alive for 16 requests only: all but those caught by a collection in that instant die before the first one.
    // (Not all: the collection count at birth is the tracker thread's, which lags when the CPUs are busy.)
    assertThat(gcCycles.getOrDefault(0.0, 0L)).isGreaterThan(died * 9 / 10);
    assertThat(gcCycles.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(died);
  }

  @Test
  void cachedQuotesAreLongLived() {
    long samples = sites.sum("handle", longLivedLine, "samples");
    long longLived = sites.sum("handle", longLivedLine, "longLived");
    long aliveAtEnd = sites.sum("handle", longLivedLine, "aliveAtEnd");
    assertThat(samples).isGreaterThan(20);
    // Never dropped from the cache: every sampled one survives 16 collections or is alive when the JVM exits.
    assertThat(sites.sum("handle", longLivedLine, "died")).isZero();
    assertThat(longLived + aliveAtEnd).isEqualTo(samples);
    assertThat(longLived).as("cached quotes that outlived 16 collections").isPositive();
  }

  @Test
  void exactCountsMatchTheSamplesOwnCounts() {
    Matcher counts = COUNTS.matcher(run.stdout());
    assertThat(counts.find()).as(run.stdout()).isTrue();
    assertThat(sites.sum("handle", shortLivedLine, "allocations")).isEqualTo(Long.parseLong(counts.group(1)));
    assertThat(sites.sum("handle", longLivedLine, "allocations")).isEqualTo(Long.parseLong(counts.group(2)));
    assertThat(sites.sum("sumTicks", ticksLine, "allocations")).isEqualTo(Long.parseLong(counts.group(3)));
  }

  @Test
  void sizeHistogramsHoldTheSizesTheSampleBuilds() {
    Map<Double, Long> sizes = sites.histogram(sites.sizes(), "sumTicks", ticksLine, "sizeHistogram");
    // Lists of 5, 40 and 300 ticks, in turn: buckets [5], (32, 40] and (256, 320].
    assertThat(sizes.keySet()).containsExactly(5.0, 40.0, 320.0);
    long measured = sites.sizes().stream().filter(InstrumentedSites.at("sumTicks", ticksLine))
        .mapToLong(e -> e.getLong("measured")).sum();
    assertThat(sizes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(measured);
    sizes.values().forEach(count -> assertThat(count).isBetween(measured / 5, measured / 2));
    assertThat(sites.sizes()).filteredOn(InstrumentedSites.at("sumTicks", ticksLine))
        .allSatisfy(e -> assertThat(e.getLong("sizeMax")).isEqualTo(300));
    long sizeSum = sites.sizes().stream().filter(InstrumentedSites.at("sumTicks", ticksLine))
        .mapToLong(e -> e.getLong("sizeSum")).sum();
    assertThat(sizeSum).isEqualTo(5 * sizes.get(5.0) + 40 * sizes.get(40.0) + 300 * sizes.get(320.0));
    assertThat(sites.sizes()).allSatisfy(e -> assertThat(e.getString("allocatedType"))
        .isEqualTo("java.util.ArrayList"));
  }

  private static int markedLine(String marker) throws IOException {
    Path source = Path.of(System.getProperty("heapwise.test.samplesSource", "../samples/src/main/java"))
        .resolve(QuoteService.class.getName().replace('.', '/') + ".java");
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().endsWith(marker)) {
        return i + 1;
      }
    }
    throw new AssertionError(marker + " not found in " + source);
  }
}
