// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.junit;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records each test's exact allocation as a {@code heapwise.Test} JFR event, so that {@code heapwise baseline} and
 * {@code heapwise gate} compare a suite test by test: a test that starts allocating more fails the gate by name,
 * and a suite that gains tests does not look like a regression.
 *
 * <p>The bytes are the JVM's per-thread allocation counter (the one {@code jdk.ThreadAllocationStatistics}
 * reports) read before the test's {@code @BeforeEach} methods and after its {@code @AfterEach} methods, on the
 * thread that runs them. They are exact, not sampled, but count only that thread: work a test hands to other
 * threads (an executor, a server under test) is in the recording's total and its sampled sites, not here.
 *
 * <p>Register it for a whole suite with JUnit's extension auto-detection (the jar carries the service entry):
 * {@code junit.jupiter.extensions.autodetection.enabled=true} as a configuration parameter; or per class with
 * {@code @ExtendWith(AllocationPerTest.class)}. It does nothing unless a JFR recording is running with the event
 * enabled, as it is under the Heapwise agent or {@code -XX:StartFlightRecording}.
 */
public final class AllocationPerTest implements BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(AllocationPerTest.class);
  private static final com.sun.management.ThreadMXBean THREADS = threads();

  /** A test under way: its event, begun, and its thread's counter when it began. */
  private static final class Started {
    final TestAllocationEvent event;
    final Thread thread;
    long allocatedBefore;

    Started(TestAllocationEvent event, Thread thread) {
      this.event = event;
      this.thread = thread;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestAllocationEvent event = new TestAllocationEvent();
    if (THREADS == null || !event.isEnabled()) {
      return;
    }
    event.begin();
    Started started = new Started(event, Thread.currentThread());
    context.getStore(NAMESPACE).put(context.getUniqueId(), started);
    // Read last, so that the extension's own bookkeeping is not counted as the test's.
    started.allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    long allocatedAfter = THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
    Started started = context.getStore(NAMESPACE).remove(context.getUniqueId(), Started.class);
    // A test whose callbacks ran on two threads (a @Timeout in its own thread) has no one counter to subtract.
    if (started == null || started.thread != Thread.currentThread()) {
      return;
    }
    TestAllocationEvent event = started.event;
    event.end();
    if (event.shouldCommit()) {
      event.test = testName(context);
      event.allocated = allocatedAfter - started.allocatedBefore;
      event.failed = context.getExecutionException().isPresent();
      event.commit();
    }
  }

  /** {@code com.acme.OrderTest.totals(int)[2]}: stable across runs, unlike display names, and readable. */
  static String testName(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    String parameters = Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
        .collect(Collectors.joining(", "));
    String name = context.getRequiredTestClass().getName() + "." + method.getName() + "(" + parameters + ")";
    String id = context.getUniqueId();
    int invocation = id.lastIndexOf("-invocation:#");
    if (invocation >= 0 && id.endsWith("]")) {
      name += "[" + id.substring(invocation + "-invocation:#".length(), id.length() - 1) + "]";
    }
    return name;
  }

  private static com.sun.management.ThreadMXBean threads() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
        && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
      return threads;
    }
    return null;
  }
}
