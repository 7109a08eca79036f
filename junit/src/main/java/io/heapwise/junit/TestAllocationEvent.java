// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.junit;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One test's allocation, the contract with the analyzer, which reads it by name ({@value #NAME}) and field names.
 * Its duration is the test's, with its {@code @BeforeEach} and {@code @AfterEach} methods.
 */
@Name(TestAllocationEvent.NAME)
@Label("Test Allocation")
@Category("Heapwise")
@Description("One JUnit test, with its @BeforeEach and @AfterEach methods: the bytes the thread that ran it "
    + "allocated, read from the JVM's exact per-thread counter")
@StackTrace(false)
final class TestAllocationEvent extends jdk.jfr.Event {

  static final String NAME = "heapwise.Test";

  @Label("Test")
  @Description("The test class's binary name, the method and its parameter types, and the invocation index of a "
      + "parameterized or repeated test: com.acme.OrderTest.totals(int)[2]")
  String test;

  @Label("Allocated")
  @DataAmount
  long allocated;

  @Label("Failed")
  boolean failed;
}
