// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The state of instrumentation mode, once per period. Read by name and field names. */
@Name("heapwise.Instrumentation")
@Label("Heapwise Instrumentation")
@Category({"Heapwise", "Instrumentation"})
@Description("Classes and allocation sites the agent rewrote, and its sampling")
@StackTrace(false)
final class InstrumentationEvent extends Event {

  @Label("Include")
  @Description("Package prefixes instrumented, separated by ';'")
  String include;

  @Label("Sample Interval")
  long sampleInterval;

  @Label("Exact Counts")
  boolean exactCounts;

  @Label("Max Tracked")
  long maxTracked;

  @Label("Classes Instrumented")
  long classesInstrumented;

  @Label("Classes Skipped")
  @Description("Classes the agent could not rewrite; they run unchanged")
  long classesSkipped;

  @Label("Sites")
  long sites;

  @Label("In Flight")
  long inFlight;

  @Label("Dropped Total")
  long droppedTotal;
}
