// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.finding.EstimatedSaving;
import io.heapwise.analyzer.finding.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs every detector and ranks what they find. */
public final class Detectors {

  /** The most allocation removed first; among equals, the more urgent; then by id so the order is stable. */
  static final Comparator<Finding> RANKING = Comparator
      .comparingDouble((Finding f) -> saving(f).bytesPerSecond()).reversed()
      .thenComparing(Finding::severity, Comparator.reverseOrder())
      .thenComparing(Finding::id);

  private final List<Detector> detectors;

  public Detectors(List<Detector> detectors) {
    this.detectors = List.copyOf(detectors);
  }

  public static Detectors all() {
    return new Detectors(List.of(
        new GcPressureDetector(),
        new PointerHeavyClassDetector(),
        new LargeArrayDetector(),
        new UnsizedCollectionDetector(),
        new BoxingDetector(),
        new EscapeCandidateDetector(),
        new HotShortLivedDetector(),
        new PoolingCandidateDetector(),
        new ThreadChurnDetector()));
  }

  /** Every threshold of every detector, by key, including the shared cold-site limit. */
  public Map<String, Threshold> thresholds() {
    Map<String, Threshold> all = new TreeMap<>();
    all.put(DetectionInput.MIN_SITE_SHARE.key(), DetectionInput.MIN_SITE_SHARE);
    for (Detector detector : detectors) {
      detector.thresholds().forEach(t -> all.put(t.key(), t));
    }
    return all;
  }

  /** Rejects overrides of thresholds that do not exist, naming the ones that do. */
  public Thresholds thresholds(Map<String, Double> overrides) {
    Map<String, Threshold> known = thresholds();
    for (String key : overrides.keySet()) {
      if (!known.containsKey(key)) {
        throw new IllegalArgumentException("unknown threshold '" + key + "'; known: " + String.join(", ",
            known.keySet()));
      }
    }
    return new Thresholds(overrides);
  }

  public List<Finding> detect(DetectionInput input) {
    List<Finding> findings = new ArrayList<>();
    for (Detector detector : detectors) {
      findings.addAll(detector.detect(input));
    }
    findings.sort(RANKING);
    return findings;
  }

  private static EstimatedSaving saving(Finding finding) {
    return finding.estimatedSaving() == null ? EstimatedSaving.NONE : finding.estimatedSaving();
  }
}
