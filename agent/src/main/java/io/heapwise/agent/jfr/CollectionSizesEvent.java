// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The sizes that sampled default-capacity collections of one site had reached when their allocating method
 * returned, in one period. Read by name and field names (README, "Instrumentation events").
 */
@Name("heapwise.CollectionSizes")
@Label("Heapwise Collection Sizes")
@Category({"Heapwise", "Instrumentation"})
@Description("Sizes reached by sampled default-capacity collections of one allocation site")
@StackTrace(false)
final class CollectionSizesEvent extends Event {

  @Label("Class")
  String className;

  @Label("Method")
  String method;

  @Label("Line")
  int line;

  @Label("Allocated Type")
  String allocatedType;

  @Label("Measured")
  @Description("Sampled collections whose size was read in the period")
  long measured;

  @Label("Sizes")
  @Description("upper:count pairs of element counts; exact to 8, then four buckets per power of two")
  String sizeHistogram;

  @Label("Largest Size")
  long sizeMax;

  @Label("Sum of Sizes")
  long sizeSum;
}
