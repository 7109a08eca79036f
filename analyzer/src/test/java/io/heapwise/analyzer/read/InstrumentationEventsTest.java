// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.ReadProgress;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.InstrumentationStats;
import io.heapwise.analyzer.model.InstrumentedSite;
import io.heapwise.analyzer.model.MeasuredLifetimes;
import io.heapwise.analyzer.model.MeasuredSizes;
import io.heapwise.analyzer.model.ProfileBuilder;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's events as the contract (notes/issue4-events.md) defines them, recorded in-process with stand-in
 * event classes of the same names and fields, in two chunks, and read by the real loader.
 */
class InstrumentationEventsTest {

  private static final String CACHE = "io.heapwise.samples.lifetimes.PriceCache";
  private static final InstrumentedSite QUOTE = new InstrumentedSite(CACHE, "quote", 41, "byte[]");
  private static final InstrumentedSite LIST = new InstrumentedSite(CACHE, "match", 88, "java.util.ArrayList");

  private static Path jfr;

  @BeforeAll
  static void record() throws Exception {
    jfr = TestEnvironment.workDir("instrumentation-events").resolve("instrumentation.jfr");
    try (Recording recording = new Recording()) {
      recording.enable(SiteLifetimesEvent.class);
      recording.enable(CollectionSizesEvent.class);
      recording.enable(InstrumentationEvent.class);
      recording.start();
      lifetimes(QUOTE, 40_000, 150, 149, 0, 0, "0:140,1:9", "2:12,5:137");
      lifetimes(LIST, -1, 80, 80, 0, 0, "0:80", "1:80");
      sizes(LIST, 100, "0:3,96:97", 95, 8_000);
      instrumentation(10, 7);
      // A second recording rotates the chunk: what follows is the second period, in the file's second chunk.
      try (Recording rotate = new Recording()) {
        rotate.start();
      }
      lifetimes(QUOTE, 60_000, 250, 238, 2, 5, "0:230,2:8,16:2", "5:230,inf:8");
      lifetimes(LIST, -1, 20, 20, 0, 0, "0:19,oops:1", "1:20");
      sizes(LIST, 20, "96:10,128:10", 121, 2_200);
      instrumentation(12, 9);
      recording.stop();
      recording.dump(jfr);
    }
  }

  private static AllocationProfile load() throws Exception {
    ProfileBuilder builder = new ProfileBuilder();
    new JfrLoader(builder, List.of(), List.of(), ReadProgress.NONE).load(jfr);
    return builder.build();
  }

  @Test
  void theRecordingHasTwoChunks() throws Exception {
    assertThat(JfrChunks.scan(jfr).chunks()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void periodsOfOneSiteMergeAcrossChunks() throws Exception {
    MeasuredLifetimes quote = load().measuredLifetimes().get(QUOTE);
    assertThat(quote.samples()).isEqualTo(400);
    assertThat(quote.exactAllocations()).isEqualTo(100_000);
    assertThat(quote.sampleInterval()).isEqualTo(256);
    assertThat(quote.died()).isEqualTo(387);
    assertThat(quote.longLived()).isEqualTo(2);
    assertThat(quote.aliveAtEnd()).isEqualTo(5);
    assertThat(quote.dropped()).isEqualTo(6);
    assertThat(quote.gcCycles()).hasToString("0:370,1:9,2:8,16:2");
    assertThat(quote.ageMillis()).hasToString("2:12,5:367,inf:8");
    assertThat(quote.tracked()).isEqualTo(394);
    assertThat(quote.diedBeforeFirstGcShare()).isEqualTo(370.0 / 394);
  }

  @Test
  void aMalformedHistogramLeavesOutItsEventAndIsReportedNotFatal() throws Exception {
    AllocationProfile profile = load();
    // Only the first period of the list: the second one's gcHistogram has a bucket "oops".
    assertThat(profile.measuredLifetimes().get(LIST).samples()).isEqualTo(80);
    assertThat(profile.problems()).singleElement().asString()
        .startsWith("1 heapwise.SiteLifetimes event skipped")
        .contains("gcHistogram '0:19,oops:1' at " + CACHE + ".match:88 (java.util.ArrayList)",
            "bucket 'oops' is not a number");
    Report report = new Analyzer().analyze(List.of(jfr), AnalysisOptions.defaults());
    assertThat(report.recording().problems()).hasSize(1);
  }

  @Test
  void collectionSizesMergeAndTheLatestInstrumentationCountsWin() throws Exception {
    AllocationProfile profile = load();
    MeasuredSizes sizes = profile.measuredSizes().get(LIST);
    assertThat(sizes.measured()).isEqualTo(120);
    assertThat(sizes.max()).isEqualTo(121);
    assertThat(sizes.sum()).isEqualTo(10_200);
    assertThat(sizes.sizes()).hasToString("0:3,96:107,128:10");
    InstrumentationStats stats = profile.instrumentation();
    assertThat(stats.include()).containsExactly("io.heapwise.samples.lifetimes", "com.acme");
    assertThat(stats.sampleInterval()).isEqualTo(256);
    assertThat(stats.exactCounts()).isTrue();
    assertThat(stats.classesInstrumented()).isEqualTo(12);
    assertThat(stats.droppedTotal()).isEqualTo(9);
  }

  private static void lifetimes(InstrumentedSite site, long allocations, long samples, long died, long longLived,
      long aliveAtEnd, String gc, String age) {
    SiteLifetimesEvent event = new SiteLifetimesEvent();
    event.className = site.className();
    event.method = site.method();
    event.line = site.line();
    event.allocatedType = site.allocatedType();
    event.allocations = allocations;
    event.samples = samples;
    event.sampleInterval = 256;
    event.sampledBytes = samples * 1_040;
    event.died = died;
    event.longLived = longLived;
    event.aliveAtEnd = aliveAtEnd;
    event.dropped = samples - died - longLived - aliveAtEnd;
    event.gcHistogram = gc;
    event.ageHistogram = age;
    event.commit();
  }

  private static void sizes(InstrumentedSite site, long measured, String histogram, long max, long sum) {
    CollectionSizesEvent event = new CollectionSizesEvent();
    event.className = site.className();
    event.method = site.method();
    event.line = site.line();
    event.allocatedType = site.allocatedType();
    event.measured = measured;
    event.sizeHistogram = histogram;
    event.sizeMax = max;
    event.sizeSum = sum;
    event.commit();
  }

  private static void instrumentation(long classes, long dropped) {
    InstrumentationEvent event = new InstrumentationEvent();
    event.include = "io.heapwise.samples.lifetimes;com.acme";
    event.sampleInterval = 256;
    event.exactCounts = true;
    event.maxTracked = 20_000;
    event.classesInstrumented = classes;
    event.classesSkipped = 1;
    event.sites = classes * 4;
    event.inFlight = 17;
    event.droppedTotal = dropped;
    event.commit();
  }

  // Stand-ins for the agent's event classes: the analyzer reads events by name and field, never by class.

  @Name("heapwise.SiteLifetimes")
  @StackTrace(false)
  static final class SiteLifetimesEvent extends Event {
    String className;
    String method;
    int line;
    String allocatedType;
    long allocations;
    long samples;
    long sampleInterval;
    long sampledBytes;
    long died;
    long longLived;
    long aliveAtEnd;
    long dropped;
    String gcHistogram;
    String ageHistogram;
  }

  @Name("heapwise.CollectionSizes")
  @StackTrace(false)
  static final class CollectionSizesEvent extends Event {
    String className;
    String method;
    int line;
    String allocatedType;
    long measured;
    String sizeHistogram;
    long sizeMax;
    long sizeSum;
  }

  @Name("heapwise.Instrumentation")
  @StackTrace(false)
  static final class InstrumentationEvent extends Event {
    String include;
    long sampleInterval;
    boolean exactCounts;
    long maxTracked;
    long classesInstrumented;
    long classesSkipped;
    long sites;
    long inFlight;
    long droppedTotal;
  }
}
