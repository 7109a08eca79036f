// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.finding;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a finding's evidence can be trusted; the finding's confidence note says what would make it wrong. */
public enum Confidence {
  LOW,
  MEDIUM,
  HIGH;

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
