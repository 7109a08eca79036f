// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Where the numbers come from: the files, the JVM that wrote them, how much was read and what could not be.
 *
 * @param agentVersion the Heapwise agent that made the recordings, {@code null} when none did
 * @param applicationPackages the packages whose frames are sites (from {@code --app-package} or the agent's
 *     {@code include=}); empty means every frame outside the JDK
 * @param allocationSource the event type that bytes per site were computed from, or {@code null} when the
 *     recordings have no allocation events
 * @param problems one line per file or chunk that could not be read whole, with the events read before it
 * @param notes one line per correction made to what the recordings say (bytes left out of the threads' first
 *     allocation samples as allocated before the recording began) or caveat about it (samples that weigh so
 *     unevenly that the sites' bytes are rough); absent when none
 * @param instrumentation how the agent's bytecode instrumentation ran; absent when it did not
 */
@JsonPropertyOrder({"files", "jdk", "agentVersion", "applicationPackages", "durationSeconds", "eventsRead",
    "allocationSource", "allocationSamples", "problems", "notes", "instrumentation"})
public record RecordingInfo(
    List<String> files,
    String jdk,
    String agentVersion,
    List<String> applicationPackages,
    double durationSeconds,
    long eventsRead,
    String allocationSource,
    long allocationSamples,
    List<String> problems,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notes,
    @JsonInclude(JsonInclude.Include.NON_NULL) InstrumentationSummary instrumentation) {

  public RecordingInfo {
    files = List.copyOf(files);
    applicationPackages = applicationPackages == null ? List.of() : List.copyOf(applicationPackages);
    problems = List.copyOf(problems);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }
}
