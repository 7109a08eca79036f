// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * How the sampled objects of one allocation site lived and died in one period. The analyzer reads this event
 * by its name and field names, never by class: keep all of them (README, "Instrumentation events").
 */
@Name("heapwise.SiteLifetimes")
@Label("Heapwise Site Lifetimes")
@Category({"Heapwise", "Instrumentation"})
@Description("Sampled objects of one allocation site: how many, and how long they lived (GC cycles, ms)")
@StackTrace(false)
final class SiteLifetimesEvent extends Event {

  @Label("Class")
  String className;

  @Label("Method")
  String method;

  @Label("Line")
  @Description("Source line of the allocation instruction, -1 when the class has no line numbers")
  int line;

  @Label("Allocated Type")
  String allocatedType;

  @Label("Allocations")
  @Description("Exact allocations at the site in the period with count=exact, else -1")
  long allocations;

  @Label("Samples")
  long samples;

  @Label("Sample Interval")
  @Description("One allocation in this many is sampled, per thread, at random")
  long sampleInterval;

  @Label("Sampled Bytes")
  @DataAmount
  long sampledBytes;

  @Label("Died")
  long died;

  @Label("Long-Lived")
  @Description("Sampled objects that survived 16 GC cycles; they are no longer tracked")
  long longLived;

  @Label("Alive at End")
  @Description("Tracked objects still alive when the recording ended; only in the last period")
  long aliveAtEnd;

  @Label("Dropped")
  @Description("Samples not tracked because the limit of objects in flight was reached")
  long dropped;

  @Label("GC Cycles Survived")
  @Description("bucket:count pairs; buckets 0, 1, 2, 3, 4 (4-7), 8 (8-15), 16 (16 or more, long-lived)")
  String gcHistogram;

  @Label("Age at Death (ms)")
  @Description("upper:count pairs; age from allocation until seen dead after the GC that freed it, in ms")
  String ageHistogram;
}
