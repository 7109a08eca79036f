// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.gate.WorkUnit;
import picocli.CommandLine.Option;

/** {@code --work-event} and {@code --work}: what allocation is divided by, for baseline, gate and diff. */
final class WorkOptions {

  @Option(names = "--work-event", paramLabel = "EVENT",
      description = "Divide allocation by the count of this JFR event type in each recording: your own "
          + "@Name(\"app.Request\") event committed once per request (or per batch), the most accurate unit.")
  String event;

  @Option(names = "--work", paramLabel = "N",
      description = "Divide each recording's allocation by N units of work that you counted (requests served, "
          + "items processed).")
  Double units;

  /**
   * The unit asked for; else {@code fallback}'s (a baseline's own, so a gate need not repeat it), else one unit
   * per recording, for workloads that do the same work every run.
   */
  WorkUnit unit(WorkUnit fallback) throws BadInputException {
    if (event != null && units != null) {
      throw new BadInputException("--work-event and --work are two ways to count work: give one");
    }
    if (units != null && !(units > 0)) {
      throw new BadInputException("--work must be a positive number of units of work, was " + units);
    }
    if (event != null) {
      return WorkUnit.event(event);
    }
    if (units != null) {
      return WorkUnit.given(units);
    }
    if (fallback != null && WorkUnit.GIVEN.equals(fallback.kind())) {
      throw new BadInputException("the baseline counts work in numbers given with --work; give --work N for this"
          + " run too");
    }
    return fallback != null ? fallback : WorkUnit.perRun();
  }
}
