// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer;

import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.AllocationSite;
import io.heapwise.analyzer.model.AllocationSource;
import io.heapwise.analyzer.model.FirstSampleCorrection;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.model.GcEvent;
import io.heapwise.analyzer.model.HeapSample;
import io.heapwise.analyzer.model.InstrumentedSite;
import io.heapwise.analyzer.report.CollectionSizeSummary;
import io.heapwise.analyzer.report.GcPause;
import io.heapwise.analyzer.report.GcSummary;
import io.heapwise.analyzer.report.InstrumentationSummary;
import io.heapwise.analyzer.report.LifetimeSummary;
import io.heapwise.analyzer.report.RatePoint;
import io.heapwise.analyzer.report.RecordingInfo;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.SiteSummary;
import io.heapwise.analyzer.report.ThreadTotal;
import io.heapwise.analyzer.report.TypeTotal;
import io.heapwise.analyzer.report.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Condenses an {@link AllocationProfile} into the numbers the report shows; detectors read the same numbers. */
final class ReportBuilder {

  /** Threads and types are context for the sites, not the headline: a short list is enough. */
  private static final int TOP_TYPES_AND_THREADS = 10;
  /** An hour of a busy service's young collections, about 3 a second. */
  static final int MAX_COLLECTIONS = 10_000;
  /** A first-sample correction smaller than this share of what the samples said is made without a note. */
  private static final double NOTE_MIN_SHARE = 0.01;
  /**
   * Allocation samples as good as fewer than this many even ones, and fewer than {@link #UNEVEN_MAX_EFFECTIVE_SHARE}
   * of their number, get a note: below 100 even a site with a tenth of the bytes is off by a third.
   */
  private static final double UNEVEN_MAX_EFFECTIVE_SAMPLES = 100;
  /** Samples at every TLAB refill were as good as about 45% of their number: TLABs differ in size. */
  private static final double UNEVEN_MAX_EFFECTIVE_SHARE = 0.25;

  private final AllocationProfile profile;

  ReportBuilder(AllocationProfile profile) {
    this.profile = profile;
  }

  RecordingInfo recording() {
    return new RecordingInfo(profile.files(), profile.jdkVersion(), profile.agentVersion(),
        profile.applicationPackages(), profile.durationSeconds(), profile.eventsRead(),
        profile.allocationSource() == null ? null : profile.allocationSource().eventNames(),
        profile.allocationSamples(), profile.problems(), notes(), profile.instrumentation() == null ? null
            : InstrumentationSummary.of(profile.instrumentation(), profile.measuredLifetimes().size(),
                profile.measuredSizes().size()));
  }

  private List<String> notes() {
    List<String> notes = new ArrayList<>();
    FirstSampleCorrection correction = profile.firstSampleCorrection();
    // With the agent on the command line, main's first sample carries the JVM's start-up: a kilobyte or two, true
    // but not worth a line. After an attach it is often most of what the threads' first samples said.
    if (correction.samplesCapped() > 0
        && correction.bytesRemoved() >= NOTE_MIN_SHARE * (profile.totalBytes() + correction.bytesRemoved())) {
      long capped = correction.samplesCapped();
      notes.add(String.format(Locale.ROOT, "%,d first-per-thread sample%s capped (%s from before the recording)",
          capped, capped == 1 ? "" : "s", Units.bytes(correction.bytesRemoved())));
    }
    unevenSamples().ifPresent(notes::add);
    return notes;
  }

  /**
   * A note when the allocation samples weigh so unevenly that the sites' bytes are rough: a throttled sample
   * weighs all its thread allocated since the one before, so a burst the throttle skipped lands on one object.
   * Measured on a 1.5 s test run at 300 samples/s: 421 samples as good as 7 to 27 even ones, and one site's bytes
   * moving by a factor of 3 between runs of the same code; sampling every TLAB refill gave about 300 of 620.
   */
  private Optional<String> unevenSamples() {
    long samples = profile.allocationSamples();
    double effective = profile.effectiveAllocationSamples();
    if (profile.allocationSource() != AllocationSource.OBJECT_ALLOCATION_SAMPLE
        || effective >= UNEVEN_MAX_EFFECTIVE_SAMPLES || effective >= samples * UNEVEN_MAX_EFFECTIVE_SHARE) {
      return Optional.empty();
    }
    // A site's relative standard error is sqrt((1 - share) / (share * effective)); a quarter is a typical hot site.
    double quarterError = Math.sqrt(3 / effective);
    return Optional.of(String.format(Locale.ROOT, "the %,d allocation samples are as good as %.0f even ones (bursts"
        + " the throttle skipped went to the next sample), so a site with a quarter of the bytes is off by about"
        + " %.0f%%; record longer or sample more (agent: allocation-profiling=maximum; JFR:"
        + " jdk.ObjectAllocationSample#throttle)", samples, effective, 100 * quarterError));
  }

  GcSummary gc() {
    List<GcEvent> collections = profile.collections();
    double[] pauses = new double[collections.size()];
    double pauseTotal = 0;
    double pauseMax = 0;
    for (int i = 0; i < pauses.length; i++) {
      GcEvent gc = collections.get(i);
      pauses[i] = gc.pauseMillis();
      pauseTotal += gc.pauseMillis();
      pauseMax = Math.max(pauseMax, gc.longestPauseMillis());
    }
    double seconds = profile.durationSeconds();
    return new GcSummary(
        profile.collectors(),
        collections.size(),
        seconds > 0 ? collections.size() * 60.0 / seconds : 0,
        pauseTotal,
        pauseMax,
        percentile(pauses, 0.99),
        seconds > 0 ? Math.min(1.0, pauseTotal / (seconds * 1000)) : 0,
        averageUsed(true),
        averageUsed(false),
        profile.heapSamples().stream().filter(h -> !h.beforeGc()).mapToLong(HeapSample::usedBytes).max().orElse(-1),
        profile.heapSamples().stream().mapToLong(HeapSample::committedBytes).max().orElse(-1),
        profile.totalBytes(),
        profile.bytesPerSecond());
  }

  /** Nearest-rank percentile: a value that actually occurred, which is what a pause budget is checked against. */
  static double percentile(double[] values, double fraction) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private long averageUsed(boolean beforeGc) {
    return Math.round(profile.heapSamples().stream()
        .filter(h -> h.beforeGc() == beforeGc)
        .mapToLong(HeapSample::usedBytes)
        .average()
        .orElse(-1));
  }

  /** Every site, largest first, in the order of {@code profile.sites()}. */
  List<SiteSummary> sites() {
    long total = profile.totalBytes();
    List<SiteSummary> sites = new ArrayList<>();
    for (AllocationSite site : profile.sites()) {
      sites.add(summary(site, total));
    }
    return sites;
  }

  private SiteSummary summary(AllocationSite site, long total) {
    Frame app = site.key().appFrame();
    List<String> frames = site.frames().stream().map(Frame::toString).toList();
    return new SiteSummary(
        site.key().allocatedType(),
        app == null ? SiteSummary.NO_APPLICATION_FRAME : app.className(),
        app == null ? null : app.method(),
        app == null ? -1 : app.line(),
        app == null ? null : app.sourceFileGuess(),
        site.key().mechanism(),
        site.bytes(),
        share(site.bytes(), total),
        rate(site.bytes()),
        site.samples(),
        frames,
        profile.measuredLifetimesOf(site).map(LifetimeSummary::of).orElse(null),
        InstrumentedSite.of(site.key()).map(profile.measuredSizes()::get).map(CollectionSizeSummary::of)
            .orElse(null));
  }

  List<TypeTotal> types() {
    long total = profile.totalBytes();
    return largest(profile.bytesByType()).stream()
        .map(e -> new TypeTotal(e.getKey(), e.getValue(), share(e.getValue(), total)))
        .toList();
  }

  List<ThreadTotal> threads() {
    long total = profile.totalBytes();
    return largest(profile.bytesByThread()).stream()
        .map(e -> new ThreadTotal(e.getKey(), e.getValue(), share(e.getValue(), total),
            profile.exactAllocatedByThread().getOrDefault(e.getKey(), -1L)))
        .toList();
  }

  List<RatePoint> timeline() {
    return profile.timeline().stream()
        .map(p -> new RatePoint(p.startEpochMillis(), p.intervalMillis(), p.bytesPerSecond()))
        .toList();
  }

  /**
   * The report around the GC summary and top sites that the detectors saw too; with {@code graphs}, also the call
   * tree (when the profile recorded stacks) and the collections.
   */
  Report report(GcSummary gc, List<SiteSummary> topSites, List<Finding> findings, List<String> undecided,
      boolean graphs) {
    return new Report(Report.SCHEMA, recording(), gc, topSites, types(), threads(), timeline(), findings,
        undecided, graphs ? profile.stacks() : null, graphs ? collections() : List.of());
  }

  /**
   * Every collection with the heap it left, in time order; past {@value #MAX_COLLECTIONS}, the longest pauses,
   * which are what a timeline is read for.
   */
  List<GcPause> collections() {
    Map<Long, Long> usedAfter = new HashMap<>();
    for (HeapSample sample : profile.heapSamples()) {
      if (!sample.beforeGc()) {
        usedAfter.put(sample.gcId(), sample.usedBytes());
      }
    }
    List<GcEvent> kept = profile.collections();
    if (kept.size() > MAX_COLLECTIONS) {
      kept = kept.stream().sorted(Comparator.comparingDouble(GcEvent::pauseMillis).reversed())
          .limit(MAX_COLLECTIONS).toList();
    }
    return kept.stream().sorted(Comparator.comparingLong(GcEvent::startEpochMillis))
        .map(gc -> new GcPause(gc.startEpochMillis(), gc.name(), gc.cause(), gc.pauseMillis(),
            gc.longestPauseMillis(), usedAfter.getOrDefault(gc.gcId(), -1L)))
        .toList();
  }

  private static List<Map.Entry<String, Long>> largest(Map<String, Long> totals) {
    return totals.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_TYPES_AND_THREADS)
        .toList();
  }

  private static double share(long bytes, long total) {
    return total > 0 ? (double) bytes / total : 0;
  }

  private double rate(long bytes) {
    return profile.durationSeconds() > 0 ? bytes / profile.durationSeconds() : 0;
  }
}
