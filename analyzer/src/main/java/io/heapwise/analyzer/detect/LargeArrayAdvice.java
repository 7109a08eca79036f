// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.report.SiteSummary;
import java.util.Locale;

/** What a {@code LARGE_ARRAY} finding asks for: reuse first, then the region-level alternatives with their cost. */
final class LargeArrayAdvice {

  /** G1's largest region on JDK 17; JDK 18+ allows 512 MB (JDK-8275056). */
  private static final long MAX_REGION_JDK17 = 32L * 1024 * 1024;

  private LargeArrayAdvice() {
  }

  static String recommendation(SiteSummary site, long arrayBytes, long region, long humongousGcs, long collections,
      long maxHeap) {
    StringBuilder advice = new StringBuilder();
    advice.append("Reuse the ").append(site.allocatedType()).append(" allocated at ").append(site.location())
        .append(" instead of allocating a new one per call: keep it in a field and overwrite it (a ThreadLocal or a"
            + " small pool when calls run on several threads at once), clearing it only if the code reads cells it"
            + " did not write. ");
    if (region > 0) {
      long regions = (arrayBytes + region - 1) / region;
      advice.append(String.format(Locale.ROOT, "Each array is a humongous object: G1 gives it %d contiguous"
          + " region%s of %s outside the young generation (no TLAB bump allocation, the tail of the last region"
          + " wasted), it is reclaimed only by eager reclaim at a young GC or after marking, and its allocation can"
          + " itself start a collection (%d of %d collections here had cause 'G1 Humongous Allocation'). ",
          regions, regions == 1 ? "" : "s", LargeArrayDetector.mib(region), humongousGcs, collections));
      advice.append("If reuse is impossible, allocate it in chunks under half a region (")
          .append(LargeArrayDetector.mib(region / 2)).append(" each, e.g. one array per band of rows). ");
      long suggested = Long.highestOneBit(Math.max(1, 2 * arrayBytes - 1)) << 1;
      advice.append("Or set -XX:G1HeapRegionSize=").append(suggested / (1024 * 1024)).append("m (a power of two at"
          + " least twice the array) so it is no longer humongous and dies in eden like any other; the trade-off is"
          + " fewer, larger regions");
      if (maxHeap > 0) {
        advice.append(String.format(Locale.ROOT, " (%d instead of %d in this %s heap)", maxHeap / suggested,
            maxHeap / region, LargeArrayDetector.mib(maxHeap)));
      }
      advice.append(", which makes G1's young-generation sizing and mixed collections coarser");
      advice.append(suggested > MAX_REGION_JDK17 ? "; regions above 32 MB need JDK 18 or newer." : ".");
    } else {
      advice.append("An array this large is allocated outside the TLAB on the slow path and zeroed in full on every"
          + " allocation; reusing it removes both.");
    }
    return advice.toString();
  }
}
