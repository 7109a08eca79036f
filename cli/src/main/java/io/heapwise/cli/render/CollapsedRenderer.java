// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import io.heapwise.analyzer.model.StackNode;
import io.heapwise.analyzer.report.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The allocation call tree as folded stacks, the input of flamegraph.pl, speedscope and async-profiler's converters:
 * one line per call path with allocations of its own, {@code com.acme.Main.main:12;com.acme.Book.match:61;byte[]
 * 4096}. The value is sampled bytes, the report's estimate from its allocation events, not every byte allocated;
 * the lines add up to the report's total. Lines are sorted so that two runs on one recording give the same file.
 */
public final class CollapsedRenderer implements Renderer {

  @Override
  public void render(Report report, Writer out) throws IOException {
    StackNode root = report.stacks();
    if (root == null) {
      throw new IllegalStateException("bug: the report was made without graphs");
    }
    Map<String, Long> bytesByStack = new TreeMap<>();
    if (root.selfBytes() > 0) {
      bytesByStack.put(PprofRenderer.NO_STACK, root.selfBytes());
    }
    for (StackNode child : root.children()) {
      collect(child, "", bytesByStack);
    }
    for (Map.Entry<String, Long> stack : bytesByStack.entrySet()) {
      // '\n' whatever the platform: the tools split lines on it and read the number after the last space.
      out.write(stack.getKey() + " " + stack.getValue() + "\n");
    }
  }

  private static void collect(StackNode node, String parentStack, Map<String, Long> bytesByStack) {
    String stack = parentStack.isEmpty() ? frame(node) : parentStack + ";" + frame(node);
    long self = node.selfBytes();
    if (self > 0) {
      // Two paths can only read the same once their names are cleaned; the tools would add them up anyway.
      bytesByStack.merge(stack, self, Long::sum);
    }
    for (StackNode child : node.children()) {
      collect(child, stack, bytesByStack);
    }
  }

  /** ';' separates frames and a newline ends the stack, so neither may be in a frame's name. */
  private static String frame(StackNode node) {
    return node.label().replace(';', '_').replace('\n', ' ').replace('\r', ' ');
  }
}
