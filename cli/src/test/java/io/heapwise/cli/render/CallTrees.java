// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import io.heapwise.analyzer.model.StackNode;
import io.heapwise.analyzer.model.StackNode.Kind;
import io.heapwise.analyzer.report.GcSummary;
import io.heapwise.analyzer.report.RatePoint;
import io.heapwise.analyzer.report.RecordingInfo;
import io.heapwise.analyzer.report.Report;
import java.util.Arrays;
import java.util.List;

/** Hand-built allocation call trees, and reports holding them, for the renderers of the tree. */
final class CallTrees {

  static final long START_EPOCH_MILLIS = 1_767_225_600_000L;

  private CallTrees() {
  }

  /**
   * Two threads whose stacks share {@code com.acme.Book.match:61}, two allocated types, a nested class's frame
   * without a line, and the stacks the tree had no room for. 950 bytes in 9 events.
   */
  static StackNode twoThreads() {
    return root(
        frame("com.acme.Server", "main", 10,
            frame("com.acme.Book", "match", 61, type("byte[]", 400, 4), type("com.acme.Order", 100, 2))),
        frame("java.lang.Thread", "run", 833,
            frame("com.acme.Book$Index", "find", -1,
                frame("com.acme.Book", "match", 61, type("byte[]", 300, 2)))),
        new StackNode(Kind.OTHER_STACKS, null, null, -1, 150, 1, List.of()));
  }

  static StackNode root(StackNode... children) {
    return new StackNode(Kind.ROOT, null, null, -1, sum(children, true), sum(children, false), List.of(children));
  }

  static StackNode frame(String className, String method, int line, StackNode... children) {
    return new StackNode(Kind.FRAME, className, method, line, sum(children, true), sum(children, false),
        List.of(children));
  }

  static StackNode type(String name, long bytes, long events) {
    return new StackNode(Kind.ALLOCATED_TYPE, name, null, -1, bytes, events, List.of());
  }

  static Report report(StackNode stacks) {
    RecordingInfo recording = new RecordingInfo(List.of("app.jfr"), "17.0.15", null, List.of("com.acme"), 12.5,
        1_000, "jdk.ObjectAllocationSample", 9, List.of(), List.of(), null);
    GcSummary gc = new GcSummary(List.of("G1New"), 3, 14.4, 30, 12, 12, 0.003, 1, 1, 1, 1, 950, 76);
    return new Report(Report.SCHEMA, recording, gc, List.of(), List.of(), List.of(),
        List.of(new RatePoint(START_EPOCH_MILLIS, 1_000, 950)), List.of(), List.of(), stacks, List.of());
  }

  private static long sum(StackNode[] children, boolean bytes) {
    return Arrays.stream(children).mapToLong(child -> bytes ? child.bytes() : child.samples()).sum();
  }
}
