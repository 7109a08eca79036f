// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import java.util.Map;

/** The values in force: each threshold's default unless the user overrode it. */
public final class Thresholds {

  public static final Thresholds DEFAULTS = new Thresholds(Map.of());

  private final Map<String, Double> overrides;

  /** Overrides by key; {@link Detectors#checkThresholds} says which keys exist. */
  public Thresholds(Map<String, Double> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  public double get(Threshold threshold) {
    return overrides.getOrDefault(threshold.key(), threshold.defaultValue());
  }

  Map<String, Double> overrides() {
    return overrides;
  }
}
