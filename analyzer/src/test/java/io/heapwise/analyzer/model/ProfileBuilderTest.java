// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each thread's first allocation sample in a recording, settled by the rule in {@code FirstSamples}. */
class ProfileBuilderTest {

  private static final long START = 1_790_000_000_000_000_000L;
  private static final long MILLIS = 1_000_000L;
  private static final long MB = 1_000_000L;
  private static final Frame WORK = new Frame("com.acme.Worker", "work", 42, 7, true);
  private static final SiteAttributor.Attribution AT_WORK = new SiteAttributor.Attribution(WORK, null, List.of(WORK));

  private final ProfileBuilder builder = new ProfileBuilder();

  @Test
  void aThreadThatWasThereBeforeCountsItsRateSinceTheStartForItsFirstSample() {
    builder.eventEnabled("jdk.ThreadStart");
    event(0);
    sample(1, 100, 1_000 * MB);
    // Ten later samples of 10 MB over one second: 100 MB/s, so 10 MB for the first 100 ms.
    for (int i = 1; i <= 10; i++) {
      sample(1, 100 + 100 * i, 10 * MB);
    }

    AllocationProfile profile = builder.build();

    assertThat(profile.bytesByThread()).containsEntry("thread-1", 110 * MB);
    assertThat(profile.totalBytes()).isEqualTo(110 * MB);
    assertThat(profile.allocationSamples()).isEqualTo(11);
    assertThat(profile.firstSampleCorrection()).isEqualTo(new FirstSampleCorrection(1, 990 * MB));
  }

  @Test
  void theThreadsCounterReadingsGiveItsRateWhenThereAreTwo() {
    builder.eventEnabled("jdk.ThreadStart");
    event(0);
    sample(1, 50, 4_000 * MB);
    sample(1, 1_500, 1 * MB);
    // 200 MB/s between the readings, so 10 MB for the first 50 ms; the later sample's weight does not matter.
    builder.threadAllocated("thread-1", 1, START + 1_000 * MILLIS, 5_000 * MB);
    builder.threadAllocated("thread-1", 1, START + 2_000 * MILLIS, 5_200 * MB);

    assertThat(builder.build().bytesByThread()).containsEntry("thread-1", 11 * MB);
  }

  @Test
  void aThreadStartedDuringTheRecordingKeepsItsFirstSample() {
    event(0);
    builder.threadStarted(AT_WORK, 2);
    sample(2, 900, 50 * MB);
    sample(2, 1_000, 1 * MB);

    AllocationProfile profile = builder.build();

    assertThat(profile.bytesByThread()).containsEntry("thread-2", 51 * MB);
    assertThat(profile.firstSampleCorrection()).isEqualTo(FirstSampleCorrection.NONE);
  }

  @Test
  void withoutEvidenceThatTheThreadWasThereBeforeNothingIsCapped() {
    event(0);
    sample(1, 100, 1_000 * MB);
    sample(1, 1_100, 10 * MB);
    builder.threadAllocated("thread-1", 1, START + 1_000 * MILLIS, 5_000 * MB);
    builder.threadAllocated("thread-1", 1, START + 2_000 * MILLIS, 5_010 * MB);

    assertThat(builder.build().bytesByThread()).containsEntry("thread-1", 1_010 * MB);
  }

  @Test
  void readingsTakenAsEachChunkBeginsShowWhichThreadsWereThereBefore() {
    builder.threadAllocationsReadAtChunkStart();
    event(0);
    // JFR came to its first pass of readings late, 300 ms in; thread 1 was in it, thread 2 started after it.
    builder.threadAllocated("thread-1", 1, START + 300 * MILLIS, 3_000 * MB);
    builder.threadAllocated("thread-1", 1, START + 2_300 * MILLIS, 3_200 * MB);
    builder.threadAllocated("thread-2", 2, START + 2_300 * MILLIS, 60 * MB);
    sample(1, 100, 2_900 * MB);
    sample(2, 1_000, 50 * MB);
    sample(2, 2_000, 10 * MB);

    AllocationProfile profile = builder.build();

    assertThat(profile.bytesByThread()).containsEntry("thread-1", 10 * MB).containsEntry("thread-2", 60 * MB);
  }

  @Test
  void theEarliestSampleIsTheFirstWhateverOrderTheyArriveIn() {
    builder.eventEnabled("jdk.ThreadStart");
    event(0);
    sample(1, 1_100, 10 * MB);
    sample(1, 100, 1_000 * MB);
    for (int i = 2; i <= 10; i++) {
      sample(1, 100 + 100 * i, 10 * MB);
    }

    assertThat(builder.build().bytesByThread()).containsEntry("thread-1", 110 * MB);
  }

  @Test
  void buildIsRepeatableAndSettlesAgainWithWhatArrivedSince() {
    builder.eventEnabled("jdk.ThreadStart");
    event(0);
    sample(1, 100, 1_000 * MB);
    sample(1, 1_100, 100 * MB);
    AllocationProfile first = builder.build();

    AllocationProfile again = builder.build();
    assertThat(again.bytesByThread()).isEqualTo(first.bytesByThread());
    assertThat(again.timeline()).isEqualTo(first.timeline());
    assertThat(again.firstSampleCorrection()).isEqualTo(first.firstSampleCorrection());
    assertThat(first.bytesByThread()).containsEntry("thread-1", 110 * MB);

    sample(1, 2_100, 300 * MB);
    assertThat(builder.build().bytesByThread()).containsEntry("thread-1", 420 * MB);
    assertThat(first.bytesByThread()).containsEntry("thread-1", 110 * MB);
  }

  @Test
  void eachFileAndEachChunkThatStartsOverIsARecordingOfItsOwn() {
    builder.eventEnabled("jdk.ThreadStart");
    builder.chunkStarted(START);
    recordThread1();
    // The same chunk again, as from cat a.jfr a.jfr: its thread 1 has a first sample of its own.
    builder.chunkStarted(START);
    builder.eventEnabled("jdk.ThreadStart");
    recordThread1();

    AllocationProfile profile = builder.build();

    assertThat(profile.bytesByThread()).containsEntry("thread-1", 2 * 110 * MB);
    assertThat(profile.firstSampleCorrection()).isEqualTo(new FirstSampleCorrection(2, 2 * 990 * MB));
  }

  /** The next window of a long live stream ({@code report=}): the JVM's facts stay, the measurements go. */
  @Test
  void aSuccessorKnowsTheJvmButNotWhatWasMeasuredAndCapsNoFirstSample() {
    builder.eventEnabled("jdk.ThreadStart");
    builder.jdkVersion("17.0.15");
    builder.collector("G1New");
    builder.flag("MaxInlineSize", "35");
    builder.heapConfiguration(true, 8);
    builder.embeddedClassFile("com.acme.Worker", new byte[] {1});
    event(0);
    sample(1, 100, 1_000 * MB);
    sample(1, 200, 10 * MB);

    ProfileBuilder next = builder.successor();
    next.eventsRead("jdk.ObjectAllocationSample", 1);
    next.eventCommitted(START + 300 * MILLIS);
    // Thread 1 was there before this window, but its first sample here is an exact delta since its previous one.
    next.allocation(AllocationSource.OBJECT_ALLOCATION_SAMPLE, "byte[]", AT_WORK, 500 * MB, -1, "thread-1", 1,
        START + 300 * MILLIS);
    AllocationProfile window = next.build();

    assertThat(window.jdkVersion()).isEqualTo("17.0.15");
    assertThat(window.collectors()).containsExactly("G1New");
    assertThat(window.vmSettings()).isEqualTo(builder.build().vmSettings());
    assertThat(window.enabledEvents()).containsExactly("jdk.ThreadStart");
    assertThat(window.embeddedClassFiles()).containsOnlyKeys("com.acme.Worker");
    assertThat(window.eventsRead()).isEqualTo(1);
    assertThat(window.totalBytes()).isEqualTo(500 * MB);
    assertThat(window.firstSampleCorrection()).isEqualTo(FirstSampleCorrection.NONE);
  }

  private void recordThread1() {
    event(0);
    sample(1, 100, 1_000 * MB);
    sample(1, 1_100, 100 * MB);
  }

  @Test
  void evenlyWeightedSamplesAreAsGoodAsTheirNumber() {
    samplesOfAThreadStartedInTheRecording(40, 2 * MB);

    assertThat(builder.build().effectiveAllocationSamples()).isCloseTo(40, offset(1e-9));
  }

  @Test
  void aFewHeavySamplesAmongManyLightOnesAreAsGoodAsAFewEvenOnes() {
    samplesOfAThreadStartedInTheRecording(100, 1 * MB);
    // A burst the throttle skipped: two samples carry two thirds of the bytes.
    sample(3, 1_010, 100 * MB);
    sample(3, 1_020, 100 * MB);

    AllocationProfile profile = builder.build();

    assertThat(profile.allocationSamples()).isEqualTo(102);
    // (100 + 200)^2 / (100 * 1 + 2 * 100^2), in MB
    assertThat(profile.effectiveAllocationSamples()).isCloseTo(90_000.0 / 20_100, offset(1e-9));
  }

  @Test
  void weightsWhoseSquaresOverflowALongAreSquaredExactly() {
    samplesOfAThreadStartedInTheRecording(3, 16_000 * MB * 1_000); // 16 TB: its square is about 2.6e32

    assertThat(builder.build().effectiveAllocationSamples()).isCloseTo(3, offset(1e-9));
  }

  /** Thread 3, started after the recording began (so its first sample is kept whole), samples every 10 ms. */
  private void samplesOfAThreadStartedInTheRecording(int count, long weight) {
    event(0);
    builder.threadStarted(AT_WORK, 3);
    for (int i = 1; i <= count; i++) {
      sample(3, 10 * i, weight);
    }
  }

  private void event(long atMillis) {
    builder.eventCommitted(START + atMillis * MILLIS);
  }

  private void sample(long thread, long atMillis, long weight) {
    event(atMillis);
    builder.allocation(AllocationSource.OBJECT_ALLOCATION_SAMPLE, "byte[]", AT_WORK, weight, -1, "thread-" + thread,
        thread, START + atMillis * MILLIS);
  }
}
