// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.detect.CollectionConstructor.Status;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.model.InstrumentedSite;
import io.heapwise.analyzer.model.MeasuredLifetimes;
import io.heapwise.analyzer.model.MeasuredSizes;
import java.util.List;
import java.util.Map;

/**
 * The agent's sizes of the collection that grows at a line: measured at its constructor, in the method that grows
 * it. The agent measures only collections made by a default-capacity constructor, so a measurement also proves
 * the constructor, where the bytecode is not at hand or shows several.
 *
 * @param lifetimes the same site's {@code heapwise.SiteLifetimes}, for how many are made; {@code null} if none
 */
record MeasuredConstruction(CollectionType type, int line, MeasuredSizes sizes, MeasuredLifetimes lifetimes) {

  /**
   * At the bytecode's default-capacity constructor when there is one; else, without class files or among several
   * constructions, at the only line of the method where the agent measured the type. {@code null} when the agent
   * measured none there, or at several lines (which one grows is not in the recording).
   */
  static MeasuredConstruction find(AllocationProfile profile, Frame growthLine, CollectionConstructor constructor) {
    if (profile.measuredSizes().isEmpty()) {
      return null;
    }
    boolean searchMethod = constructor.status() == Status.NO_CLASS_FILES || constructor.status() == Status.AMBIGUOUS;
    if (constructor.line() < 0 && !searchMethod) {
      return null; // sized, or constructed elsewhere: nothing in this method to measure
    }
    List<CollectionType> candidates = constructor.type().sameFrames();
    MeasuredConstruction found = null;
    for (Map.Entry<InstrumentedSite, MeasuredSizes> entry : profile.measuredSizes().entrySet()) {
      InstrumentedSite site = entry.getKey();
      boolean inMethod = site.className().equals(growthLine.className()) && site.method().equals(growthLine.method());
      boolean atLine = constructor.line() >= 0 ? site.line() == constructor.line()
          : constructor.status() != Status.AMBIGUOUS || constructor.lines().contains(site.line());
      CollectionType type = candidates.stream().filter(t -> t.className().equals(site.allocatedType())).findFirst()
          .orElse(null);
      if (!inMethod || !atLine || type == null) {
        continue;
      }
      if (found != null && found.line != site.line()) {
        return null;
      }
      if (found == null || entry.getValue().measured() > found.sizes.measured()) {
        found = new MeasuredConstruction(type, site.line(), entry.getValue(), profile.measuredLifetimes().get(site));
      }
    }
    return found;
  }

  /** Collections made per second at the site, from the agent's counts; {@code -1} when it has none. */
  double collectionsPerSecond(double seconds) {
    return lifetimes == null || seconds <= 0 ? -1 : lifetimes.estimatedAllocations() / seconds;
  }
}
