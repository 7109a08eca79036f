// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.heapwise.analyzer.model.MeasuredSizes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes the Heapwise agent read from a site's default-capacity collections when their allocating method
 * returned ({@code heapwise.CollectionSizes}): elements, chars for {@code StringBuilder}, bytes for
 * {@code ByteArrayOutputStream}.
 *
 * @param histogram collections by size, non-empty buckets in order, keyed by their upper bound (0 to 8 exactly,
 *     then four buckets per power of two)
 */
@JsonPropertyOrder({"measured", "median", "p90", "max", "mean", "histogram"})
public record CollectionSizeSummary(long measured, long median, long p90, long max, double mean,
    Map<String, Long> histogram) {

  public CollectionSizeSummary {
    histogram = histogram == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(histogram));
  }

  public static CollectionSizeSummary of(MeasuredSizes sizes) {
    return new CollectionSizeSummary(sizes.measured(), sizes.quantile(0.5), sizes.quantile(0.9), sizes.max(),
        Math.round(sizes.mean() * 10) / 10.0, LifetimeSummary.labelled(sizes.sizes()));
  }
}
