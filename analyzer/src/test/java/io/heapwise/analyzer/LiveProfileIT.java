// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.AllocationSite;
import io.heapwise.analyzer.model.ProfileBuilder;
import io.heapwise.analyzer.model.SiteKey;
import io.heapwise.analyzer.read.JfrLoader;
import io.heapwise.analyzer.read.LiveProfile;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.report.SiteSummary;
import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.SampleRecording;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jfr.consumer.EventStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link LiveProfile} fed from a real recording replayed as an event stream ({@link EventStream#openFile}), the way
 * {@code attach --live} and the agent's {@code report=} feed it from a live one: its snapshot gives the report the
 * file gives.
 */
class LiveProfileIT {

  private static final String ORDER_BOOK = "io.heapwise.samples.unsized.OrderBook";
  /** The agent's include=, which the live profile learns from the session event as the file loader does. */
  private static final String INCLUDE = "io.heapwise.samples.unsized";
  /**
   * A file covers its chunks from header to header; a stream covers its first to its last event, which JFR writes
   * within milliseconds of the chunk's start and end (settings, flags and the other begin- and end-of-chunk
   * events). A tenth of a second leaves room for a slow machine and stays far below what would move a rate-based
   * finding across a threshold in this three-second recording.
   */
  private static final double DURATION_TOLERANCE_SECONDS = 0.1;

  private static Path jfr;
  private static AnalysisOptions options;
  private static AllocationProfile fileProfile;
  private static Report fileReport;

  @BeforeAll
  static void record() throws Exception {
    Path dir = TestEnvironment.workDir("LiveProfileIT");
    // The sizes settings add the TLAB events: their exact sizes are the mutable part of a site a snapshot copies.
    jfr = SampleRecording.withAgent(TestEnvironment.agentJar(), ORDER_BOOK, "include=" + INCLUDE
        + ",settings=heapwise-sizes", 3, dir, "-Xmx64m").jfr();
    options = AnalysisOptions.defaults();
    ProfileBuilder builder = new ProfileBuilder();
    new JfrLoader(builder, List.of(), List.of(), ReadProgress.NONE).load(jfr);
    fileProfile = builder.build();
    fileReport = new Analyzer().analyze(List.of(jfr), options);
  }

  @Test
  void theSnapshotOfTheWholeStreamIsTheFilesProfile() throws Exception {
    LiveProfile live = new LiveProfile(List.of(), List.of());
    replay(live, () -> { });
    AllocationProfile snapshot = live.snapshot();
    Report report = timedReport(live);

    assertThat(snapshot.applicationPackages()).containsExactly(INCLUDE).isEqualTo(fileProfile.applicationPackages());
    assertThat(snapshot.agentVersion()).isNotNull().isEqualTo(fileProfile.agentVersion());
    assertThat(live.eventsSeen()).isEqualTo(snapshot.eventsRead()).isEqualTo(fileProfile.eventsRead());
    assertThat(snapshot.enabledEvents()).contains("jdk.ObjectAllocationSample")
        .isEqualTo(fileProfile.enabledEvents());
    assertThat(snapshot.durationSeconds()).isPositive()
        .isCloseTo(fileProfile.durationSeconds(), within(DURATION_TOLERANCE_SECONDS));
    assertThat(sitesOf(snapshot)).isEqualTo(sitesOf(fileProfile));
    assertThat(snapshot.sites()).anySatisfy(site -> assertThat(site.exactSizes().count()).isPositive());
    assertSameAnalysis(report, fileReport);
  }

  /** Snapshots at every flush: each a consistent part of the final profile, frozen, and harmless to the rest. */
  @Test
  void snapshotsTakenPartWayAreFrozenPartsOfTheFinalProfile() throws Exception {
    LiveProfile live = new LiveProfile(List.of(), List.of());
    List<AllocationProfile> partWay = new ArrayList<>();
    List<Totals> totalsWhenTaken = new ArrayList<>();
    replay(live, () -> {
      AllocationProfile snapshot = live.snapshot();
      partWay.add(snapshot);
      totalsWhenTaken.add(Totals.of(snapshot));
      new Analyzer().report(snapshot, options);
    });
    AllocationProfile last = live.snapshot();

    assertThat(partWay).extracting(AllocationProfile::eventsRead).isSorted()
        .anySatisfy(events -> assertThat(events).isPositive().isLessThan(last.eventsRead()));
    assertThat(partWay).extracting(Totals::of).isEqualTo(totalsWhenTaken);
    Map<SiteKey, AllocationSite> lastSites = sitesByKey(last);
    for (AllocationProfile snapshot : partWay) {
      assertThat(Totals.of(snapshot).isWithin(Totals.of(last))).as("%s within %s", Totals.of(snapshot),
          Totals.of(last)).isTrue();
      for (AllocationSite site : snapshot.sites()) {
        AllocationSite later = lastSites.get(site.key());
        assertThat(later).as("site %s of a part-way snapshot", site.key()).isNotNull();
        // A thread's first sample is settled anew at each snapshot, from the thread's rate so far (FirstSamples): it
        // may count for more part-way than at the end, never for more than its weight.
        assertThat(site.bytes()).isLessThanOrEqualTo(later.bytes() + last.firstSampleCorrection().bytesRemoved());
        assertThat(site.samples()).isLessThanOrEqualTo(later.samples());
        assertThat(site.exactSizes().count()).isLessThanOrEqualTo(later.exactSizes().count());
      }
    }
    assertThat(sitesOf(last)).isEqualTo(sitesOf(fileProfile));
    assertSameAnalysis(new Analyzer().report(last, options), fileReport);
  }

  /**
   * A window at every flush, as the agent's {@code report=} takes one per period: together they hold every event
   * and every byte once, and each keeps what the stream said once about the JVM, so a later window's analysis
   * knows the JDK, the collectors and the enabled events.
   */
  @Test
  void windowsPartitionTheStreamAndEachKnowsTheJvm() throws Exception {
    LiveProfile live = new LiveProfile(List.of(), List.of());
    List<AllocationProfile> windows = new ArrayList<>();
    replay(live, () -> windows.add(live.snapshotAndStartWindow()));
    windows.add(live.snapshotAndStartWindow());

    assertThat(windows).hasSizeGreaterThan(2);
    assertThat(windows.stream().mapToLong(AllocationProfile::eventsRead).sum()).isEqualTo(fileProfile.eventsRead());
    assertThat(windows.stream().mapToLong(w -> w.collections().size()).sum())
        .isEqualTo(fileProfile.collections().size());
    // Only the recording's first window caps first samples; later windows count theirs whole, as exact deltas since
    // each thread's previous sample. The first window may cap otherwise than the file, knowing less of each rate:
    // before capping, the bytes are the same.
    long windowBytes = windows.stream().mapToLong(AllocationProfile::totalBytes).sum();
    assertThat(windowBytes + windows.get(0).firstSampleCorrection().bytesRemoved())
        .isEqualTo(fileProfile.totalBytes() + fileProfile.firstSampleCorrection().bytesRemoved());
    assertThat(windows.subList(1, windows.size())).allSatisfy(window ->
        assertThat(window.firstSampleCorrection().samplesCapped()).isZero());
    assertThat(windows.stream().mapToDouble(AllocationProfile::durationSeconds).sum())
        .isCloseTo(fileProfile.durationSeconds(), within(DURATION_TOLERANCE_SECONDS));
    AllocationProfile later = windows.get(windows.size() - 2);
    assertThat(later.eventsRead()).isPositive().isLessThan(fileProfile.eventsRead() / 2);
    assertThat(later.jdkVersion()).isNotNull().isEqualTo(fileProfile.jdkVersion());
    assertThat(later.collectors()).isNotEmpty().isEqualTo(fileProfile.collectors());
    assertThat(later.enabledEvents()).isEqualTo(fileProfile.enabledEvents());
    assertThat(later.applicationPackages()).containsExactly(INCLUDE);
  }

  @Test
  void snapshotsFromAnotherThreadWhileTheStreamIsFedDoNotDisturbIt() throws Exception {
    LiveProfile live = new LiveProfile(List.of(), List.of());
    AtomicBoolean fed = new AtomicBoolean();
    CountDownLatch firstSnapshot = new CountDownLatch(1);
    AtomicLong partWaySnapshots = new AtomicLong();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    Thread snapshots = new Thread(() -> {
      try {
        long eventsBefore = 0;
        while (!fed.get()) {
          AllocationProfile snapshot = live.snapshot();
          firstSnapshot.countDown();
          new Analyzer().report(snapshot, options);
          // One lock covers each event and each snapshot: never half an allocation, never fewer events than before.
          assertThat(snapshot.bytesByType().values().stream().mapToLong(Long::longValue).sum())
              .isEqualTo(snapshot.totalBytes());
          assertThat(snapshot.eventsRead()).isGreaterThanOrEqualTo(eventsBefore);
          eventsBefore = snapshot.eventsRead();
          if (eventsBefore > 0 && eventsBefore < fileProfile.eventsRead()) {
            partWaySnapshots.incrementAndGet();
          }
        }
      } catch (Throwable t) {
        failures.add(t);
      } finally {
        firstSnapshot.countDown();
      }
    }, "snapshots");
    snapshots.start();
    assertThat(firstSnapshot.await(1, TimeUnit.MINUTES)).isTrue();
    try {
      replay(live, () -> { });
    } finally {
      fed.set(true);
      snapshots.join(TimeUnit.MINUTES.toMillis(1));
    }

    assertThat(failures).isEmpty();
    assertThat(partWaySnapshots.get()).as("snapshots taken while events arrived").isPositive();
    AllocationProfile last = live.snapshot();
    assertThat(last.eventsRead()).isEqualTo(fileProfile.eventsRead());
    assertThat(sitesOf(last)).isEqualTo(sitesOf(fileProfile));
    assertSameAnalysis(new Analyzer().report(last, options), fileReport);
  }

  /** Replays the recording into {@code live} as a stream; {@code afterFlush} runs after the profile's own flush. */
  private static void replay(LiveProfile live, Runnable afterFlush) throws IOException {
    try (EventStream stream = EventStream.openFile(jfr)) {
      live.follow(stream);
      stream.onFlush(afterFlush);
      stream.start();
    }
  }

  /** The same totals, top sites and findings; rates may differ with the duration. */
  private static void assertSameAnalysis(Report live, Report file) throws IOException {
    assertThat(live.gc().allocatedBytes()).isPositive().isEqualTo(file.gc().allocatedBytes());
    assertThat(live.recording().allocationSamples()).isEqualTo(file.recording().allocationSamples());
    assertThat(live.gc().collections()).isEqualTo(file.gc().collections());
    assertThat(live.sites()).extracting(LiveProfileIT::siteRow).isEqualTo(file.sites().stream()
        .map(LiveProfileIT::siteRow).toList());
    assertThat(live.findings()).extracting(LiveProfileIT::findingRow).isEqualTo(file.findings().stream()
        .map(LiveProfileIT::findingRow).toList());
    // The planted problem is among them, at the planted line: the comparison is not between two empty lists.
    PlantedSite planted = PlantedSite.of(ORDER_BOOK);
    assertThat(live.sites().get(0).line()).isEqualTo(planted.line());
    assertThat(live.findings()).anySatisfy(f -> assertThat(f.kind()).isEqualTo(FindingKind.UNSIZED_COLLECTION));
  }

  private static String siteRow(SiteSummary site) {
    return site.location() + " " + site.allocatedType() + " via " + site.mechanism() + ": " + site.bytes()
        + " bytes, " + site.samples() + " samples";
  }

  private static String findingRow(Finding finding) {
    return finding.id() + " " + finding.kind() + " at " + finding.site().idPart();
  }

  /**
   * Every site, not only the top ones, with what the model counts of it. Not its frames: they are the first stack
   * seen for the site, and a stream delivers events in time order where a file gives them thread buffer by thread
   * buffer, so the two may keep different stacks that end in the same application frame.
   */
  private static Map<SiteKey, String> sitesOf(AllocationProfile profile) {
    return profile.sites().stream().collect(Collectors.toMap(AllocationSite::key, site -> site.bytes() + " bytes, "
        + site.samples() + " samples, " + site.survivorSamples() + " survivors, " + site.exactSizes().count()
        + " sizes " + site.exactSizes().min() + "-" + site.exactSizes().max()));
  }

  private static Map<SiteKey, AllocationSite> sitesByKey(AllocationProfile profile) {
    return profile.sites().stream().collect(Collectors.toMap(AllocationSite::key, Function.identity()));
  }

  /**
   * The report of a new snapshot, timed: what a live view pays every few seconds. Printed for the first one, cold,
   * and the median of ten more.
   */
  private static Report timedReport(LiveProfile live) {
    double[] millis = new double[11];
    Report report = null;
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      report = new Analyzer().report(live.snapshot(), options);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis, 1, millis.length);
    System.out.printf(Locale.ROOT, "LiveProfileIT: snapshot and report of %,d events, %,d sites: %.1f ms cold,"
        + " %.1f ms median warm%n", report.recording().eventsRead(), live.snapshot().sites().size(), millis[0],
        millis[millis.length / 2 + 1]);
    return report;
  }

  /**
   * What a snapshot counts, to compare snapshots with each other and with themselves later.
   *
   * @param bytesRemoved what the threads' first samples lost as allocated before the recording began
   */
  private record Totals(long events, long bytes, long bytesRemoved, long samples, long exactSizes, int sites,
      double seconds) {

    static Totals of(AllocationProfile profile) {
      return new Totals(profile.eventsRead(), profile.totalBytes(), profile.firstSampleCorrection().bytesRemoved(),
          profile.allocationSamples(), profile.sites().stream().mapToLong(site -> site.exactSizes().count()).sum(),
          profile.sites().size(), profile.durationSeconds());
    }

    /** Within the whole's counts; bytes within what it would have without the first samples' correction. */
    boolean isWithin(Totals whole) {
      return events <= whole.events && bytes <= whole.bytes + whole.bytesRemoved && samples <= whole.samples
          && exactSizes <= whole.exactSizes && sites <= whole.sites && seconds <= whole.seconds;
    }
  }
}
