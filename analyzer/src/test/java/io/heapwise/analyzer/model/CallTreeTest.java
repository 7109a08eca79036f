// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallTreeTest {

  private static final AllocationSource SAMPLE = AllocationSource.OBJECT_ALLOCATION_SAMPLE;
  private static final Frame MAIN = new Frame("com.acme.App", "main", 10, -1, true);
  private static final Frame HANDLE = new Frame("com.acme.Handler", "handle", 42, -1, true);
  private static final Frame GROW = new Frame("java.util.ArrayList", "grow", 237, -1, true);

  @Test
  void pathsRunFromTheOutermostFrameToTheAllocatedTypeWithTotalsSummedUp() {
    CallTree tree = new CallTree();
    tree.count(tree.leaf(List.of(GROW, HANDLE, MAIN), "java.lang.Object[]"), SAMPLE, 300);
    tree.count(tree.leaf(List.of(HANDLE, MAIN), "byte[]"), SAMPLE, 500);
    tree.count(tree.leaf(List.of(HANDLE, MAIN), "byte[]"), SAMPLE, 100);
    tree.count(tree.leaf(List.of(MAIN), "byte[]"), AllocationSource.TLAB, 7);

    StackNode root = tree.snapshot(SAMPLE, Map.of());

    assertThat(root.kind()).isEqualTo(StackNode.Kind.ROOT);
    assertThat(root.bytes()).isEqualTo(900);
    assertThat(root.samples()).isEqualTo(3);
    StackNode handle = root.children().get(0).children().get(0);
    assertThat(handle.label()).isEqualTo("com.acme.Handler.handle:42");
    assertThat(handle.children()).extracting(StackNode::label, StackNode::bytes)
        .as("largest first; the TLAB event's leaf is another source's").containsExactly(
            tuple("byte[]", 600L),
            tuple("java.util.ArrayList.grow:237", 300L));
    assertThat(handle.selfBytes()).isZero();
    assertThat(tree.snapshot(AllocationSource.TLAB, Map.of()).bytes()).isEqualTo(7);
  }

  @Test
  void appendingAddsTheLaterTreeAndItsNodesStillFindTheirPath() {
    CallTree first = new CallTree();
    CallTree later = new CallTree();
    first.count(first.leaf(List.of(HANDLE, MAIN), "byte[]"), SAMPLE, 100);
    CallTree.Node shared = later.leaf(List.of(HANDLE, MAIN), "byte[]");
    CallTree.Node onlyLater = later.leaf(List.of(GROW, HANDLE, MAIN), "java.lang.Object[]");
    later.count(shared, SAMPLE, 10);
    later.count(onlyLater, SAMPLE, 20);

    first.append(later);
    first.count(first.same(shared), SAMPLE, 1);
    first.count(first.same(onlyLater), SAMPLE, 2);

    StackNode handle = first.snapshot(SAMPLE, Map.of()).children().get(0).children().get(0);
    assertThat(handle.bytes()).isEqualTo(133);
    assertThat(handle.children()).extracting(StackNode::bytes).containsExactly(111L, 22L);
    assertThat(first.same(onlyLater)).as("taken over whole, so the node itself").isSameAs(onlyLater);
  }

  @Test
  void pastTheBoundNewStacksAreCountedUnderTheDeepestNodeTheyShare() {
    CallTree tree = new CallTree();
    long bytes = 0;
    int stacks = CallTree.MAX_NODES;
    for (int i = 0; i < stacks; i++) {
      Frame distinct = new Frame("com.acme.Generated" + i, "run", 1, -1, true);
      tree.count(tree.leaf(List.of(distinct, HANDLE, MAIN), "byte[]"), SAMPLE, 10);
      bytes += 10;
    }

    StackNode root = tree.snapshot(SAMPLE, Map.of());

    assertThat(root.bytes()).isEqualTo(bytes);
    StackNode handle = root.children().get(0).children().get(0);
    List<StackNode> others = new ArrayList<>(handle.children().stream()
        .filter(n -> n.kind() == StackNode.Kind.OTHER_STACKS).toList());
    assertThat(others).singleElement().satisfies(other -> {
      assertThat(other.label()).isEqualTo("(other stacks)");
      assertThat(other.samples()).isGreaterThan(stacks / 2);
      assertThat(other.children()).isEmpty();
    });
    assertThat(count(root)).as("nodes other than the (other stacks) ones").isLessThanOrEqualTo(CallTree.MAX_NODES);
  }

  @Test
  void samplesSettledLaterAreAddedWhereTheirStackEnds() {
    CallTree tree = new CallTree();
    CallTree.Node leaf = tree.leaf(List.of(MAIN), "byte[]");
    tree.count(leaf, SAMPLE, 100);

    StackNode root = tree.snapshot(SAMPLE, Map.of(leaf, new long[] {40, 1}));

    assertThat(root.bytes()).isEqualTo(140);
    assertThat(root.samples()).isEqualTo(2);
  }

  private static int count(StackNode node) {
    int count = node.kind() == StackNode.Kind.OTHER_STACKS ? 0 : 1;
    for (StackNode child : node.children()) {
      count += count(child);
    }
    return count;
  }
}
