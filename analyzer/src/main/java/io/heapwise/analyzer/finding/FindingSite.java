// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.finding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The code location a finding asks the developer to change; {@code null} fields for recording-wide findings. */
@JsonPropertyOrder({"class", "method", "line", "allocatedType"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingSite(
    @JsonProperty("class") String className, String method, Integer line, String allocatedType) {

  /** For findings about the whole recording, such as {@code GC_PRESSURE}. */
  public static final FindingSite RECORDING = new FindingSite(null, null, null, null);

  /** The part of a finding id that names the site: {@code com.acme.OrderBook.match:88}. */
  public String idPart() {
    if (className == null) {
      return "recording";
    }
    return className + "." + method + (line != null && line >= 0 ? ":" + line : "");
  }
}
