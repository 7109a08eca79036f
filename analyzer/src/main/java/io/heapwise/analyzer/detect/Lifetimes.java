// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.HeapSample;
import io.heapwise.analyzer.model.MeasuredLifetimes;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether a site's objects die young. Measured lifetimes from the agent ({@code heapwise.SiteLifetimes}) decide
 * when there are enough of them: they follow sampled objects to their death, which no {@code jdk.*} event does.
 * Otherwise the verdict is inferred from what a plain JFR recording holds, two independent pieces of evidence:
 * <ul>
 *   <li>{@code jdk.OldObjectSample}: JFR keeps a sample of allocated objects and drops those a collection freed, so
 *       the samples left at the end are objects that lived. The sampler picks candidates in proportion to allocated
 *       bytes, so a site whose objects live as long as the average one should hold about its allocation share of
 *       them; far fewer says its objects die sooner. Per site, but few samples (often under ten).</li>
 *   <li>heap after GC ({@code jdk.GCHeapSummary}): if the heap after each collection barely grows while tens of MB
 *       were allocated since the previous one, almost all allocation died before that collection. It is about the
 *       whole heap, but it bounds a site: even if all growth came from a site with share s of allocation, at most
 *       growth / s of its bytes survived. For a dominant site that bound is tight (direct evidence); otherwise
 *       the heap only says "the application keeps little" (indirect).</li>
 * </ul>
 */
final class Lifetimes {

  static final Threshold MAX_SURVIVOR_RATIO = new Threshold("lifetimes.max-survivor-ratio", 0.5,
      "A site holding under half its allocation share of old-object samples dies younger than the average object.");
  static final Threshold MAX_RETAINED_SHARE = new Threshold("lifetimes.max-retained-share", 0.05,
      "If the heap after GC grows by under 5% of what was allocated between GCs, 95%+ of that allocation died young.");
  static final Threshold MIN_MEASURED_OBJECTS = new Threshold("lifetimes.min-measured-objects", 50,
      "Below 50 tracked objects a measured share is +-14% (95%): the jdk.* evidence decides instead.");
  static final Threshold MIN_MEASURED_YOUNG_SHARE = new Threshold("lifetimes.min-measured-young-share", 0.8,
      "Objects dead by their second GC are copied at most once and never promoted; below 80% many are kept.");
  /**
   * The agent drops samples while its tracking table is full, that is while many objects live long: beyond this
   * share of dropped samples, the tracked objects under-represent those periods.
   */
  static final double MAX_DROPPED_SHARE_FOR_HIGH_CONFIDENCE = 0.1;
  /** Heap growth over fewer GC intervals than this is noise: one promotion burst decides it. */
  static final int MIN_GC_INTERVALS = 3;
  /** Below one expected survivor sample, a site's zero survivors is what chance alone gives. */
  static final double MIN_EXPECTED_SURVIVORS = 1.0;

  /** What the evidence says about a site's objects. */
  enum State { SHORT_LIVED, SURVIVES, UNKNOWN }

  /**
   * @param evidence named numbers for the finding, including {@code lifetimeMeasuredBy}
   * @param reason for {@link State#UNKNOWN} and {@link State#SURVIVES}: why, in one clause
   * @param measured when the agent's measurements decided: what they say, one clause for a finding's summary;
   *     {@code null} when the verdict is inferred from {@code jdk.*} events
   */
  record Verdict(State state, Confidence confidence, Map<String, Object> evidence, String reason, String measured) {

    boolean measuredByAgent() {
      return measured != null;
    }
  }

  private final AllocationProfile profile;
  private final Thresholds limits;
  private final long[] heapGrowth;

  Lifetimes(AllocationProfile profile, Thresholds limits) {
    this.profile = profile;
    this.limits = limits;
    this.heapGrowth = heapGrowth(profile);
  }

  /**
   * The verdict for objects allocated at one or more sites (a source line), from the agent's measurements when
   * there are enough, else inferred from {@code jdk.*} events.
   *
   * @param allocationShare the sites' share of all sampled allocation
   * @param survivorSamples the sites' {@code jdk.OldObjectSample} events
   * @param measured the agent's lifetimes of these sites' objects, {@code null} when there are none
   */
  Verdict judge(double allocationShare, long survivorSamples, MeasuredLifetimes measured) {
    if (measured != null && measured.tracked() >= limits.get(MIN_MEASURED_OBJECTS)) {
      return measuredVerdict(measured);
    }
    Verdict inferred = judge(allocationShare, survivorSamples);
    if (measured == null) {
      return inferred;
    }
    Map<String, Object> evidence = new LinkedHashMap<>(inferred.evidence());
    evidence.put("lifetimeSamples", measured.tracked());
    evidence.put("lifetimeMeasuredBy", String.format(Locale.ROOT, "agent: only %,d sampled objects tracked (fewer"
        + " than %.0f), not used; %s", measured.tracked(), limits.get(MIN_MEASURED_OBJECTS),
        inferred.evidence().get("lifetimeMeasuredBy")));
    return new Verdict(inferred.state(), inferred.confidence(), evidence, inferred.reason(), null);
  }

  private Verdict measuredVerdict(MeasuredLifetimes measured) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("diedBeforeFirstGcShare", round(measured.diedBeforeFirstGcShare()));
    evidence.put("diedWithinOneGcShare", round(measured.diedWithinOneGcShare()));
    evidence.put("longLivedShare", round(measured.longLivedShare()));
    evidence.put("aliveAtEndShare", round(measured.aliveAtEndShare()));
    if (measured.died() > 0) {
      evidence.put("medianAgeMillis", round(measured.medianAgeMillis()));
      evidence.put("p90AgeMillis", round(measured.p90AgeMillis()));
    }
    evidence.put("lifetimeSamples", measured.tracked());
    evidence.put("droppedSamples", measured.dropped());
    evidence.put("sampleInterval", measured.sampleInterval());
    evidence.put("lifetimeMeasuredBy", String.format(Locale.ROOT, "agent: %,d sampled objects tracked with weak"
        + " references (about 1 in %,d allocations)%s", measured.tracked(), measured.sampleInterval(),
        measured.dropped() == 0 ? "" : String.format(Locale.ROOT, ", %,d more samples dropped while its table was"
            + " full", measured.dropped())));
    if (measured.diedWithinOneGcShare() < limits.get(MIN_MEASURED_YOUNG_SHARE)) {
      String reason = String.format(Locale.ROOT, "the agent measured only %s of %,d sampled objects dead by their"
          + " second GC; %s lived through %d GCs and %s were still alive when the recording ended",
          percent(measured.diedWithinOneGcShare()), measured.tracked(), percent(measured.longLivedShare()),
          MeasuredLifetimes.LONG_LIVED_GC_CYCLES, percent(measured.aliveAtEndShare()));
      return new Verdict(State.SURVIVES, Confidence.HIGH, evidence, reason, null);
    }
    Confidence confidence = measured.droppedShare() > MAX_DROPPED_SHARE_FOR_HIGH_CONFIDENCE
        ? Confidence.MEDIUM : Confidence.HIGH;
    return new Verdict(State.SHORT_LIVED, confidence, evidence, null, describe(measured));
  }

  /** "98% of 1,240 sampled objects died before the first GC after their allocation, median age 3.0 ms". */
  static String describe(MeasuredLifetimes measured) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s of %,d sampled objects died before the"
        + " first GC after their allocation", percent(measured.diedBeforeFirstGcShare()), measured.tracked()));
    if (!percent(measured.diedWithinOneGcShare()).equals(percent(measured.diedBeforeFirstGcShare()))) {
      text.append(" (").append(percent(measured.diedWithinOneGcShare())).append(" by the second)");
    }
    if (measured.died() > 0) {
      text.append(", median age ").append(millis(measured.medianAgeMillis()));
    }
    return text.toString();
  }

  /** Whole percents, rounded down: "100%" only when every object did. */
  private static String percent(double share) {
    return (long) Math.floor(share * 100 + 1e-9) + "%";
  }

  /** An age as a person reads it; the last age bucket is unbounded, so its lower bound is a minimum. */
  static String millis(double millis) {
    if (millis >= 60_000) {
      return "over 60 s";
    }
    if (millis >= 1_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1_000);
    }
    return String.format(Locale.ROOT, millis >= 10 ? "%.0f ms" : "%.1f ms", millis);
  }

  /** The verdict from {@code jdk.*} events alone; see the class comment. */
  Verdict judge(double allocationShare, long survivorSamples) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    StringBuilder measuredBy = new StringBuilder();
    Boolean oldObjectEnabled = profile.eventEnabled("jdk.OldObjectSample");
    long oldSamples = profile.oldObjectSamples();
    boolean strongOld = false;
    boolean weakOld = false;
    String survives = null;
    if (profile.collections().isEmpty()) {
      // The sampler drops an object only when a collection finds it dead: without one, every sample looks alive.
      evidence.put("oldObjectSampleUsable", "no: no collection ran");
    } else if (Boolean.TRUE.equals(oldObjectEnabled) || oldSamples > 0) {
      double expected = oldSamples * allocationShare;
      double ratio = expected > 0 ? survivorSamples / expected : 0;
      evidence.put("survivorSamples", survivorSamples);
      evidence.put("oldObjectSamples", oldSamples);
      evidence.put("expectedSurvivorSamplesIfAverageLifetime", round(expected));
      if (survivorSamples > 0 && ratio > limits.get(MAX_SURVIVOR_RATIO)) {
        survives = String.format(Locale.ROOT, "%d of %d jdk.OldObjectSample survivors come from it (%.1f expected"
            + " if its objects lived as long as the average)", survivorSamples, oldSamples, expected);
      } else {
        strongOld = expected >= MIN_EXPECTED_SURVIVORS;
        weakOld = !strongOld;
      }
      measuredBy.append(String.format(Locale.ROOT, "jdk.OldObjectSample: %d of %d surviving samples"
          + " (%.1f expected for an average lifetime)", survivorSamples, oldSamples, expected));
    } else {
      evidence.put("oldObjectSampleEnabled", oldObjectEnabled == null ? "unknown" : "false");
    }
    int intervals = (int) heapGrowth[2];
    evidence.put("gcIntervals", intervals);
    boolean heapBoundsSite = false;
    boolean heapSaysYoung = false;
    if (intervals >= MIN_GC_INTERVALS && heapGrowth[0] > 0) {
      double retained = (double) heapGrowth[1] / heapGrowth[0];
      // Even if every retained byte came from these sites, at most this share of their bytes survived a GC.
      double siteBound = allocationShare > 0 ? Math.min(1, retained / allocationShare) : 1;
      evidence.put("allocatedPerGcBytes", heapGrowth[0] / intervals);
      evidence.put("heapGrowthPerGcBytes", heapGrowth[1] / intervals);
      evidence.put("retainedShareOfAllocation", round(retained));
      evidence.put("siteSurvivalUpperBound", round(siteBound));
      heapSaysYoung = retained <= limits.get(MAX_RETAINED_SHARE);
      heapBoundsSite = siteBound <= limits.get(MAX_RETAINED_SHARE);
      measuredBy.append(measuredBy.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
          "jdk.GCHeapSummary: heap after GC grew by %.1f%% of the bytes allocated between %d collections, so at"
              + " most %.1f%% of this line's bytes survived one", retained * 100, intervals, siteBound * 100));
    }
    evidence.put("lifetimeMeasuredBy", measuredBy.length() == 0 ? "nothing" : measuredBy.toString());
    if (heapBoundsSite) {
      if (survives != null) {
        // Both cannot be true for long-lived objects: the few samples were allocated after the last collection.
        evidence.put("lifetimeConflict", survives + ", but the heap did not grow by their bytes");
      }
      return new Verdict(State.SHORT_LIVED, strongOld ? Confidence.HIGH : Confidence.MEDIUM, evidence, null, null);
    }
    if (survives != null) {
      return new Verdict(State.SURVIVES, Confidence.MEDIUM, evidence, survives, null);
    }
    if (strongOld) {
      return new Verdict(State.SHORT_LIVED, heapSaysYoung ? Confidence.HIGH : Confidence.MEDIUM, evidence, null, null);
    }
    if (heapSaysYoung || weakOld && intervals >= MIN_GC_INTERVALS) {
      // Indirect only: the heap as a whole keeps little, or the line left no survivor among too few samples.
      return new Verdict(State.SHORT_LIVED, Confidence.LOW, evidence, null, null);
    }
    String reason = intervals < MIN_GC_INTERVALS
        ? "the recording has " + intervals + " GC intervals with heap summaries (need " + MIN_GC_INTERVALS + ")"
            + (weakOld ? "" : " and no usable jdk.OldObjectSample evidence: record with settings=profile")
        : "no usable jdk.OldObjectSample evidence and the heap after GC grows; record with settings=profile";
    return new Verdict(State.UNKNOWN, Confidence.LOW, evidence, reason, null);
  }

  /**
   * Bytes allocated between consecutive collections (heap before GC n minus after GC n-1), the after-GC growth
   * over the same intervals, and the number of intervals. Growth counts only increases: a mixed or full
   * collection that shrinks the old generation must not hide what earlier young collections promoted.
   */
  private static long[] heapGrowth(AllocationProfile profile) {
    TreeMap<Long, long[]> byGc = new TreeMap<>();
    for (HeapSample sample : profile.heapSamples()) {
      if (sample.gcId() >= 0) {
        byGc.computeIfAbsent(sample.gcId(), id -> new long[] {-1, -1})[sample.beforeGc() ? 0 : 1] =
            sample.usedBytes();
      }
    }
    long allocated = 0;
    long grown = 0;
    long intervals = 0;
    long[] previous = null;
    long previousId = Long.MIN_VALUE;
    for (Map.Entry<Long, long[]> entry : byGc.entrySet()) {
      long[] gc = entry.getValue();
      // Only adjacent collections: across a gap, "before n minus after n-1" would span unseen collections.
      boolean adjacent = entry.getKey() == previousId + 1;
      if (adjacent && previous[1] >= 0 && gc[0] >= 0 && gc[1] >= 0 && gc[0] > previous[1]) {
        allocated += gc[0] - previous[1];
        grown += Math.max(0, gc[1] - previous[1]);
        intervals++;
      }
      previous = gc;
      previousId = entry.getKey();
    }
    return new long[] {allocated, grown, intervals};
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
