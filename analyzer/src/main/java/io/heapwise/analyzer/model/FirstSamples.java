// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Holds each thread's first {@code jdk.ObjectAllocationSample} of a recording aside, and settles its weight when the
 * profile is built: at most what the thread can have allocated since the recording began.
 *
 * <p>Why: HotSpot weighs a sample with the thread's allocated bytes now minus their value at the thread's previous
 * committed sample, a thread-local that starts at 0 and outlives recordings ({@code JfrObjectAllocationSample}). So
 * the first sample a thread commits in a recording carries everything it allocated since it started, or since its
 * last sample in an earlier recording: for each worker of a service that ran for an hour before the agent attached,
 * gigabytes, all put on whichever site happened to be sampled first.
 *
 * <p>The rule, per thread:
 * <ul>
 *   <li>A thread started during the recording (its {@code jdk.ThreadStart} is in it) keeps its first sample whole:
 *       all it allocated is in the recording, and short-lived threads often have no other sample.
 *   <li>A thread known to have existed when the recording began has its first sample's weight capped at
 *       {@code rate x (sample time - recording start)}. Known: the recording has {@code jdk.ThreadStart} enabled and
 *       none for this thread, or it reads {@code jdk.ThreadAllocationStatistics} as each chunk begins (default.jfc's
 *       "everyChunk") and the thread is in its first pass of readings. {@code rate} is the thread's average
 *       allocation rate in the recording: between its first and last readings, which are exact, else over its
 *       later samples, whose weights are exact deltas of the same counter.
 *   <li>Any other thread keeps its first sample whole: without either evidence it may have started during the
 *       recording, and then its weight is real.
 * </ul>
 * One straight line through the thread's counter, rather than the reading nearest the sample, because with
 * heapwise.jfc the first reading comes a second into the recording, after a busy thread's first sample, so there is
 * rarely one before it; the line gives the thread about its in-recording total, first sample and later ones
 * together. Where the thread's pace was uneven the cap is off by what the average misses in the first interval, not
 * by what it allocated before the recording.
 *
 * <p>The recording starts at the earliest commit time of any of its events: a live stream knows nothing earlier, so
 * a file and its replay as a stream are settled alike; the chunk header's start is only milliseconds before.
 */
final class FirstSamples {

  /**
   * How far apart the readings of one pass over the threads may be. JFR reads every thread's counter in one loop, a
   * microsecond or so per thread; this leaves room for thousands of threads on a busy machine.
   */
  static final long READING_PASS_NANOS = 10_000_000L;

  private static final long UNSET = Long.MIN_VALUE;

  /**
   * A first sample, kept aside; {@code epochNanos} is when it was taken.
   *
   * @param stack its node in the builder's call tree, {@code null} when stacks are not recorded
   */
  record Sample(SiteKey site, String type, String thread, CallTree.Node stack, long weight, long epochNanos) {
  }

  /** A first sample with the weight it counts for. */
  record Settled(Sample sample, long weight) {
  }

  /** What {@link #settle()} decided: every first sample, and what the rule took from them. */
  record Settlement(List<Settled> samples, FirstSampleCorrection correction) {
  }

  private final List<Recording> recordings = new ArrayList<>();
  private Recording current = new Recording();

  FirstSamples() {
    recordings.add(current);
  }

  /**
   * The events that follow are another recording, e.g. the next file: HotSpot's thread-local carries over between
   * recordings, so each recording has its own first samples.
   */
  void newRecording() {
    if (!current.isEmpty()) {
      current = new Recording();
      recordings.add(current);
    }
  }

  /**
   * A file's chunk begins. Chunks of one recording start one after another; one that starts no later than the one
   * before is another recording, as in files concatenated with {@code cat}.
   */
  void chunkStarted(long headerStartEpochNanos) {
    if (startsAnotherRecording(headerStartEpochNanos)) {
      newRecording();
    }
    if (current.firstChunkStart == UNSET) {
      current.firstChunkStart = headerStartEpochNanos;
    }
    current.lastChunkStart = headerStartEpochNanos;
  }

  private boolean startsAnotherRecording(long chunkStartEpochNanos) {
    return current.lastChunkStart != UNSET && chunkStartEpochNanos <= current.lastChunkStart;
  }

  /**
   * Takes over what {@code later} holds, the state of the chunk (or chunks) read next, as if this one had read them
   * in turn: its first recording continues this one's current recording unless it begins another, by
   * {@link #newRecording()} ({@code laterBeganFile}) or by {@link #chunkStarted}'s rule. Where both hold a first
   * sample of the same thread in the same recording, the later one is an ordinary sample: it goes to
   * {@code released}, to be counted where samples are.
   */
  void append(FirstSamples later, boolean laterBeganFile, Consumer<Sample> released) {
    Recording theirs = later.recordings.get(0);
    if (laterBeganFile) {
      newRecording();
    } else if (theirs.firstChunkStart != UNSET && startsAnotherRecording(theirs.firstChunkStart)) {
      newRecording();
    }
    current.absorb(theirs, released);
    for (int i = 1; i < later.recordings.size(); i++) {
      current = later.recordings.get(i);
      recordings.add(current);
    }
  }

  /** Points the held samples of sites that {@code siteOf} renames at their new sites. */
  void renameSites(UnaryOperator<SiteKey> siteOf) {
    for (Recording recording : recordings) {
      for (ThreadState thread : recording.threads.values()) {
        if (thread.first != null) {
          SiteKey site = siteOf.apply(thread.first.site());
          if (!site.equals(thread.first.site())) {
            thread.first = new Sample(site, thread.first.type(), thread.first.thread(), thread.first.stack(),
                thread.first.weight(), thread.first.epochNanos());
          }
        }
      }
    }
  }

  /** Any event of the recording, committed at {@code epochNanos}. */
  void committed(long epochNanos) {
    if (epochNanos <= 0) {
      // An event without a time says nothing of when the recording began.
      return;
    }
    if (current.start == UNSET || epochNanos < current.start) {
      current.start = epochNanos;
    }
  }

  /** The recording's settings enabled {@code jdk.ThreadStart}: a thread without one existed before it began. */
  void threadStartsRecorded() {
    current.threadStartsRecorded = true;
  }

  void threadStarted(long threadId) {
    current.threadStartsRecorded = true;
    current.thread(threadId).startedInRecording = true;
  }

  /**
   * The recording reads the threads' counters as each chunk begins, so its first pass of readings is at its start, not
   * (only) a period into it. This, not the readings' times, is the evidence: JFR may take a few hundred milliseconds
   * to come to that pass on a busy machine.
   */
  void readingsAtChunkStart() {
    current.readingsAtChunkStart = true;
  }

  /** {@code jdk.ThreadAllocationStatistics}: the thread had allocated {@code allocatedBytes} at {@code epochNanos}. */
  void threadAllocated(long threadId, long epochNanos, long allocatedBytes) {
    current.thread(threadId).reading(epochNanos, allocatedBytes);
    if (current.firstReadingNanos == UNSET || epochNanos < current.firstReadingNanos) {
      current.firstReadingNanos = epochNanos;
    }
  }

  /**
   * One sample of {@code threadId}. Returns what to count now: {@link #HELD} (nothing) while it is its thread's
   * earliest so far, {@code null} for the sample itself, or the one it replaces as the earliest (a file gives a chunk
   * thread buffer by thread buffer). No sample object is made for the common case, a later sample counted as it is.
   */
  Sample sample(ThreadHandle thread, SiteKey site, String type, String threadName, CallTree.Node stack, long weight,
      long epochNanos) {
    ThreadState state = thread.state(this);
    state.lastSampleNanos = Math.max(state.lastSampleNanos, epochNanos);
    if (state.first != null && epochNanos >= state.first.epochNanos()) {
      state.laterWeights += weight;
      return null;
    }
    Sample displaced = state.sample(new Sample(site, type, threadName, stack, weight, epochNanos));
    return displaced == null ? HELD : displaced;
  }

  /** What {@link #sample} returns for a sample it holds aside. */
  static final Sample HELD = new Sample(null, null, null, null, 0, 0);

  /**
   * One thread's state in the current recording, kept by the caller between its samples: a recording has thousands
   * of threads whose samples interleave, and a map look-up for each sample showed in profiles.
   */
  static final class ThreadHandle {
    private final long threadId;
    private Recording recording;
    private ThreadState state;

    ThreadHandle(long threadId) {
      this.threadId = threadId;
    }

    private ThreadState state(FirstSamples samples) {
      if (recording != samples.current) {
        recording = samples.current;
        state = recording.thread(threadId);
      }
      return state;
    }
  }

  /** First samples held aside, one per thread and recording. */
  long held() {
    long held = 0;
    for (Recording recording : recordings) {
      for (ThreadState thread : recording.threads.values()) {
        held += thread.first == null ? 0 : 1;
      }
    }
    return held;
  }

  /** Each first sample with its weight under the rule, from what is known now; changes nothing, so may be repeated. */
  Settlement settle() {
    List<Settled> settled = new ArrayList<>();
    long capped = 0;
    long bytesRemoved = 0;
    for (Recording recording : recordings) {
      for (ThreadState thread : recording.threads.values()) {
        if (thread.first == null) {
          continue;
        }
        long weight = thread.first.weight();
        long cap = thread.cap(recording);
        if (cap < weight) {
          capped++;
          bytesRemoved += weight - cap;
          weight = cap;
        }
        settled.add(new Settled(thread.first, weight));
      }
    }
    return new Settlement(settled, new FirstSampleCorrection(capped, bytesRemoved));
  }

  private static long earliest(long a, long b) {
    return a == UNSET ? b : b == UNSET ? a : Math.min(a, b);
  }

  private static final class Recording {
    final Map<Long, ThreadState> threads = new HashMap<>();
    long start = UNSET;
    long firstChunkStart = UNSET;
    long lastChunkStart = UNSET;
    long firstReadingNanos = UNSET;
    boolean threadStartsRecorded;
    boolean readingsAtChunkStart;

    /** Whether the thread's counter was read in the pass made as the recording began. */
    boolean readAtStart(ThreadState thread) {
      return readingsAtChunkStart && thread.firstReadingNanos != UNSET
          && thread.firstReadingNanos - firstReadingNanos <= READING_PASS_NANOS;
    }

    ThreadState thread(long threadId) {
      return threads.computeIfAbsent(threadId, id -> new ThreadState());
    }

    /** Adds what {@code later}, read after this, knows of the same recording. */
    void absorb(Recording later, Consumer<Sample> released) {
      start = earliest(start, later.start);
      firstReadingNanos = earliest(firstReadingNanos, later.firstReadingNanos);
      if (firstChunkStart == UNSET) {
        firstChunkStart = later.firstChunkStart;
      }
      if (later.lastChunkStart != UNSET) {
        lastChunkStart = later.lastChunkStart;
      }
      threadStartsRecorded |= later.threadStartsRecorded;
      readingsAtChunkStart |= later.readingsAtChunkStart;
      later.threads.forEach((id, theirs) -> {
        ThreadState mine = threads.putIfAbsent(id, theirs);
        if (mine != null) {
          mine.absorb(theirs, released);
        }
      });
    }

    boolean isEmpty() {
      return threads.isEmpty() && start == UNSET && !threadStartsRecorded && !readingsAtChunkStart;
    }
  }

  /** What one recording tells of a thread: its earliest sample, its later ones in sum, its first and last readings. */
  private static final class ThreadState {
    Sample first;
    long laterWeights;
    long lastSampleNanos = UNSET;
    long firstReadingNanos = UNSET;
    long firstReadingBytes;
    long lastReadingNanos = UNSET;
    long lastReadingBytes;
    boolean startedInRecording;

    /** Adds what {@code later}, read after this, knows of the same thread, as {@link #sample} and {@link #reading}. */
    void absorb(ThreadState later, Consumer<Sample> released) {
      lastSampleNanos = Math.max(lastSampleNanos, later.lastSampleNanos);
      laterWeights += later.laterWeights;
      if (later.first != null) {
        Sample ordinary = sample(later.first);
        if (ordinary != null) {
          released.accept(ordinary);
        }
      }
      if (later.firstReadingNanos != UNSET) {
        reading(later.firstReadingNanos, later.firstReadingBytes);
        reading(later.lastReadingNanos, later.lastReadingBytes);
      }
      startedInRecording |= later.startedInRecording;
    }

    Sample sample(Sample sample) {
      lastSampleNanos = Math.max(lastSampleNanos, sample.epochNanos());
      if (first == null) {
        first = sample;
        return null;
      }
      Sample later = sample;
      if (sample.epochNanos() < first.epochNanos()) {
        later = first;
        first = sample;
      }
      laterWeights += later.weight();
      return later;
    }

    void reading(long epochNanos, long allocatedBytes) {
      if (firstReadingNanos == UNSET || epochNanos < firstReadingNanos) {
        firstReadingNanos = epochNanos;
        firstReadingBytes = allocatedBytes;
      }
      if (lastReadingNanos == UNSET || epochNanos > lastReadingNanos) {
        lastReadingNanos = epochNanos;
        lastReadingBytes = allocatedBytes;
      }
    }

    /** The most the first sample may count for under the class comment's rule; {@code Long.MAX_VALUE}: all of it. */
    long cap(Recording recording) {
      if (startedInRecording || recording.start == UNSET) {
        return Long.MAX_VALUE;
      }
      if (!recording.threadStartsRecorded && !recording.readAtStart(this)) {
        return Long.MAX_VALUE;
      }
      double bytesPerNano;
      if (lastReadingNanos > firstReadingNanos) {
        bytesPerNano = (double) Math.max(0, lastReadingBytes - firstReadingBytes)
            / (lastReadingNanos - firstReadingNanos);
      } else if (lastSampleNanos > first.epochNanos()) {
        bytesPerNano = (double) laterWeights / (lastSampleNanos - first.epochNanos());
      } else {
        // One sample and at most one reading: no rate to go by, so no evidence against the weight.
        return Long.MAX_VALUE;
      }
      return (long) Math.ceil(bytesPerNano * Math.max(0, first.epochNanos() - recording.start));
    }
  }
}
