// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.finding;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How urgently a finding deserves attention; ordered from least to most urgent. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
