// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.finding.EstimatedSaving;
import io.heapwise.analyzer.finding.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
    return new Detectors(List.of(new GcPressureDetector()));
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
