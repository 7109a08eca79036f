// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.heapwise.analyzer.model.AllocationProfile;

/**
 * What allocation is divided by, so that runs of different lengths compare: a gate compares bytes per unit of work,
 * never bytes per run of a workload that did more or less work.
 *
 * @param kind {@code event}: a JFR event type's count in the recording (a request, a batch, a test), the most
 *     accurate; {@code given}: a number the caller supplies, per recording; {@code run}: the whole recording is
 *     one unit, for workloads that do the same work every run (a test suite)
 * @param event the event type's name, for {@code event}
 * @param units the number of units, for {@code given}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkUnit(String kind, String event, Double units) {

  public static final String EVENT = "event";
  public static final String GIVEN = "given";
  public static final String RUN = "run";

  public static WorkUnit event(String eventName) {
    return new WorkUnit(EVENT, eventName, null);
  }

  public static WorkUnit given(double units) {
    return new WorkUnit(GIVEN, null, units);
  }

  public static WorkUnit perRun() {
    return new WorkUnit(RUN, null, null);
  }

  /** How many units of work {@code profile} did; 0 when the recording holds none of the event. */
  public double unitsIn(AllocationProfile profile) {
    return switch (kind) {
      case EVENT -> profile.eventCounts().getOrDefault(event, 0L);
      case GIVEN -> units;
      default -> 1;
    };
  }

  /** {@code per heapwise.samples.Requests event}, for headers and messages. */
  public String describe() {
    return switch (kind) {
      case EVENT -> "per " + event + " event";
      case GIVEN -> "per unit of work (--work " + formatUnits(units) + ")";
      default -> "per run";
    };
  }

  /** Whether a baseline measured per this unit compares with a measurement per {@code other}. */
  public boolean comparesWith(WorkUnit other) {
    return kind.equals(other.kind) && (!EVENT.equals(kind) || event.equals(other.event));
  }

  private static String formatUnits(double units) {
    return units == Math.rint(units) ? String.valueOf((long) units) : String.valueOf(units);
  }
}
