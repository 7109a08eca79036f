// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.finding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One piece of advice with the evidence it rests on. Renderers print these values and never recompute them.
 *
 * @param id stable across runs (kind and site), so CI can match a finding in a baseline
 * @param type the class a class-level finding is about, else {@code null}
 * @param evidence the measured numbers, in insertion order, each named with its unit
 * @param estimatedSaving {@code null} for findings about the whole recording, such as {@code GC_PRESSURE}
 * @param confidenceNote what would make this finding wrong
 */
@JsonPropertyOrder({"id", "kind", "severity", "site", "type", "summary", "evidence", "recommendation",
    "estimatedSaving", "confidence", "confidenceNote"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
    String id,
    FindingKind kind,
    Severity severity,
    FindingSite site,
    String type,
    String summary,
    Map<String, Object> evidence,
    String recommendation,
    EstimatedSaving estimatedSaving,
    Confidence confidence,
    String confidenceNote) {

  public Finding {
    evidence = Collections.unmodifiableMap(normalized(evidence));
  }

  /**
   * Evidence holds whatever a detector measured; whole numbers become longs and fractions doubles, the types the
   * JSON reader gives back, so that a report read from JSON equals the one written.
   */
  private static LinkedHashMap<String, Object> normalized(Map<String, ?> evidence) {
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
    evidence.forEach((key, value) -> copy.put(key, normalizedValue(value)));
    return copy;
  }

  private static Object normalizedValue(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof Map<?, ?> map) {
      LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, inner) -> copy.put(String.valueOf(key), normalizedValue(inner)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Finding::normalizedValue).toList();
    }
    return value;
  }

  /** The id DESIGN.md promises: {@code KIND:site}. */
  public static String idOf(FindingKind kind, FindingSite site) {
    return kind.name() + ":" + site.idPart();
  }
}
