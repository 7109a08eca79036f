// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.ObjectModel;

import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.AllocationSite;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.model.MeasuredSizes;
import java.util.List;
import java.util.Locale;

/**
 * How large the grown collections get, and so which capacity to suggest. Three ways, best first:
 * <ol>
 *   <li><b>measured</b>: the agent read the size of sampled default-capacity collections when the method that made
 *       them returned ({@code heapwise.CollectionSizes}); the capacity holds
 *       {@code unsized-collection.capacity-quantile} of them;</li>
 *   <li><b>exact</b>: TLAB events carry each sampled object's size; the largest growth array's length is the
 *       capacity the collection had to reach ({@code (size - array header) / element size});</li>
 *   <li><b>estimated</b>: instances per second from the constructor line's samples of the collection object
 *       itself (24 bytes per {@code ArrayList} with compressed oops), growth bytes per instance from the growth
 *       rate, and the capacity whose simulated growth ({@link GrowthPolicy}) allocates that many bytes.</li>
 * </ol>
 * Small collection objects get few samples next to their kilobyte arrays (JFR samples where a thread takes a new
 * TLAB, which large arrays trigger far more often): below {@code unsized-collection.min-instance-samples} the
 * instance rate swings by 10x between runs (2 samples: 20,000/s in one run of the OrderBook sample, 1,500,000/s in
 * another, against about 80,000/s; 10 samples: 1,259,500/s in a CI run), so no capacity is estimated from it and
 * the finding says why.
 *
 * <p>The saving is the growth minus the final array, which a presized collection still allocates: 1/r of the
 * growth bytes for growth ratio r ({@link GrowthPolicy#savedFraction}), whichever way the capacity was found.
 *
 * @param elements the capacity the collections grow to, {@code -1} when no way applies
 * @param suggested {@code elements} rounded up to a number a developer would write, {@code -1} when unknown
 * @param basis which way {@code elements} was found
 * @param method how {@code elements} was found, in a sentence, for the evidence
 * @param constructorLine the line whose samples of the collection object gave the instance rate, {@code -1}
 * @param collectionsPerSecond instances made per second at that line, {@code -1} when unknown
 * @param measured the agent's sizes when {@code basis} is {@link Basis#MEASURED}, else {@code null}
 */
record GrowthEstimate(long elements, long suggested, Basis basis, String method, int constructorLine,
    double collectionsPerSecond, double savingBytesPerSecond, MeasuredSizes measured) {

  /** Where the capacity comes from, most direct first. */
  enum Basis { MEASURED, EXACT_SIZES, RATE_ESTIMATE, UNKNOWN }

  /** @param measured the agent's sizes at the constructor, {@code null} when there are none */
  static GrowthEstimate of(AllocationProfile profile, Frame line, List<AllocationSite> growthSites,
      long growthBytes, CollectionConstructor constructor, MeasuredConstruction measured, ObjectModel sizing,
      Thresholds limits) {
    CollectionType type = constructor.type();
    GrowthPolicy policy = type.growth();
    double seconds = profile.durationSeconds();
    double growthRate = growthBytes / seconds;
    double saving = growthRate * policy.savedFraction();
    double minInstanceSamples = limits.get(UnsizedCollectionDetector.MIN_INSTANCE_SAMPLES);
    double minMeasured = limits.get(UnsizedCollectionDetector.MIN_MEASURED_COLLECTIONS);
    if (measured != null && measured.sizes().measured() >= minMeasured) {
      return measured(measured, limits.get(UnsizedCollectionDetector.CAPACITY_QUANTILE), seconds, saving);
    }
    String tooFewMeasured = measured == null ? "" : String.format(Locale.ROOT, "only %d measured %ss (fewer than"
        + " %.0f); ", measured.sizes().measured(), type.simpleName(), minMeasured);
    int constructorLine = constructorLine(profile, line, type, constructor);
    double instanceRate = -1;
    long instanceSamples = 0;
    if (constructorLine >= 0) {
      long instanceBytes = 0;
      for (AllocationSite site : instanceSites(profile, line, type, constructorLine)) {
        instanceBytes += site.bytes();
        instanceSamples += site.samples();
      }
      instanceRate = instanceBytes / seconds / type.instanceBytes(sizing);
    }
    long largestArray = -1;
    for (AllocationSite site : growthSites) {
      largestArray = Math.max(largestArray, site.exactSizes().max());
    }
    if (largestArray > 0) {
      long elements = policy.elementsForArrayBytes(largestArray, sizing);
      return new GrowthEstimate(elements, friendly(elements), Basis.EXACT_SIZES, String.format(Locale.ROOT,
          "exact: the largest growth array seen (%,d bytes, TLAB events) holds ~%,d %s", largestArray, elements,
          type.unit()), constructorLine, instanceSamples >= minInstanceSamples ? instanceRate : -1, saving, null);
    }
    if (instanceRate > 0 && instanceSamples >= minInstanceSamples) {
      double perInstance = growthRate / instanceRate;
      long elements = policy.elementsForGrowthBytes(perInstance, sizing);
      return new GrowthEstimate(elements, friendly(elements), Basis.RATE_ESTIMATE, String.format(Locale.ROOT,
          "estimate: %,.0f growth bytes per %s (growth bytes/s over %,.0f %ss/s, counted from %d samples of the"
              + " %d-byte objects at line %d) match one grown %s from its default capacity to %,d %s",
          perInstance, type.simpleName(), instanceRate, type.simpleName(), instanceSamples,
          type.instanceBytes(sizing), constructorLine, policy.ratioText(), elements, type.unit()),
          constructorLine, instanceRate, saving, null);
    }
    if (constructorLine >= 0) {
      return new GrowthEstimate(-1, -1, Basis.UNKNOWN, String.format(Locale.ROOT, "unknown: %sonly %d samples of the"
          + " %d-byte %s objects at line %d, too few to count instances (JFR samples where threads take new TLABs,"
          + " which the large growth arrays do far more often than the small objects); record longer, or with"
          + " jdk.ObjectAllocationInNewTLAB for exact array sizes", tooFewMeasured, instanceSamples,
          type.instanceBytes(sizing), type.simpleName(), constructorLine), constructorLine, -1, saving, null);
    }
    return new GrowthEstimate(-1, -1, Basis.UNKNOWN, "unknown: " + tooFewMeasured + "no exact sizes (TLAB events)"
        + " and no sampled " + type.simpleName() + " objects at a constructor line to count instances", -1, -1, saving,
        null);
  }

  /**
   * The capacity that holds {@code quantile} of the measured collections. When that is within the default
   * capacity, presizing the line would change nothing for most of them: the growth comes from the few large ones,
   * and the capacity is left unknown so the advice asks for the count where it is known.
   */
  private static GrowthEstimate measured(MeasuredConstruction measured, double quantile, double seconds,
      double saving) {
    CollectionType type = measured.type();
    MeasuredSizes sizes = measured.sizes();
    String seen = String.format(Locale.ROOT, "measured: %,d %ss sized when their method returned: median %,d,"
        + " p90 %,d, max %,d %s", sizes.measured(), type.simpleName(), sizes.quantile(0.5), sizes.quantile(0.9),
        sizes.max(), type.unit());
    long capacity = sizes.capacityFor(quantile);
    long percent = Math.round(quantile * 100);
    if (capacity <= type.growth().defaultCapacity()) {
      return new GrowthEstimate(-1, -1, Basis.MEASURED, String.format(Locale.ROOT, "%s; %d%% fit the default"
          + " capacity (%d), so the growth comes from the largest", seen, percent, type.growth().defaultCapacity()),
          measured.line(), measured.collectionsPerSecond(seconds), saving, sizes);
    }
    return new GrowthEstimate(capacity, friendly(capacity), Basis.MEASURED, String.format(Locale.ROOT,
        "%s; %,d holds %d%% of them", seen, capacity, percent), measured.line(),
        measured.collectionsPerSecond(seconds), saving, sizes);
  }

  /**
   * The constructor line for counting instances: the bytecode's when it named one, else the only line of the
   * method where the recording saw the collection object itself allocated.
   */
  private static int constructorLine(AllocationProfile profile, Frame line, CollectionType type,
      CollectionConstructor constructor) {
    if (constructor.line() >= 0) {
      return constructor.line();
    }
    if (constructor.status() != CollectionConstructor.Status.NO_CLASS_FILES) {
      return -1; // the bytecode says the construction is elsewhere or ambiguous: the method's samples mislead
    }
    int found = -1;
    for (AllocationSite site : profile.sites()) {
      Frame frame = site.key().appFrame();
      if (isInstanceOf(site, type) && sameMethod(frame, line)) {
        if (found >= 0 && found != frame.line()) {
          return -1;
        }
        found = frame.line();
      }
    }
    return found;
  }

  private static List<AllocationSite> instanceSites(AllocationProfile profile, Frame line, CollectionType type,
      int constructorLine) {
    return profile.sites().stream()
        .filter(site -> isInstanceOf(site, type) && sameMethod(site.key().appFrame(), line)
            && site.key().appFrame().line() == constructorLine)
        .toList();
  }

  /** The collection object itself, allocated directly by the application (not inside a JDK method). */
  private static boolean isInstanceOf(AllocationSite site, CollectionType type) {
    return site.key().allocatedType().equals(type.className()) && site.key().mechanism() == null;
  }

  private static boolean sameMethod(Frame frame, Frame line) {
    return frame != null && frame.className().equals(line.className()) && frame.method().equals(line.method());
  }

  /** Rounds up to 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten: what a developer would write. */
  static long friendly(long n) {
    if (n <= 16) {
      return Math.max(n, 1);
    }
    long power = 1;
    while (power * 10 <= n) {
      power *= 10;
    }
    for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      long candidate = (long) Math.ceil(step * power);
      if (candidate >= n) {
        return candidate;
      }
    }
    return 10 * power;
  }
}
