// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Allocation by whole stack, what flame graphs and profile exports draw: frames from the outermost in, with the
 * allocated type at each leaf, counting bytes and events per allocation source. Counts are kept where a stack ends
 * (the type's node); totals are summed once, when the tree is {@linkplain #snapshot taken}.
 *
 * <p>Bounded: past {@value #MAX_NODES} nodes, the part of a new path below the deepest node it shares with the tree
 * is counted in that node's {@link StackNode.Kind#OTHER_STACKS} child, so memory grows with distinct stacks up to
 * the bound and never with the number of events.
 */
public final class CallTree {

  /** About 25 MB at most; real services' allocation stacks, at JFR's default depth of 64, fit several times over. */
  static final int MAX_NODES = 100_000;
  private static final int SOURCES = AllocationSource.values().length;
  private static final Key ROOT = new Key(StackNode.Kind.ROOT, null, null, -1);
  private static final Key OTHER = new Key(StackNode.Kind.OTHER_STACKS, null, null, -1);

  private Node root = new Node(null, ROOT);
  private int nodes = 1;

  private record Key(StackNode.Kind kind, String className, String method, int line) {
  }

  /** Where a stack's allocations are counted; a reader resolves one per stack and type, not per event. */
  public static final class Node {
    private Node parent;
    private final Key key;
    private Map<Key, Node> children;
    private final long[] bytes = new long[SOURCES];
    private final long[] samples = new long[SOURCES];

    private Node(Node parent, Key key) {
      this.parent = parent;
      this.key = key;
    }
  }

  /** The node where {@code type}, allocated with {@code frames} (innermost first, as JFR lists them), is counted. */
  public Node leaf(List<Frame> frames, String type) {
    Node node = root;
    for (int i = frames.size() - 1; i >= 0; i--) {
      Frame frame = frames.get(i);
      node = child(node, new Key(StackNode.Kind.FRAME, frame.className(), frame.method(), frame.line()));
    }
    return child(node, new Key(StackNode.Kind.ALLOCATED_TYPE, type, null, -1));
  }

  private Node child(Node parent, Key key) {
    if (parent.key.kind() == StackNode.Kind.OTHER_STACKS) {
      return parent;
    }
    Node child = parent.children == null ? null : parent.children.get(key);
    if (child == null) {
      child = nodes < MAX_NODES ? adopt(parent, new Node(parent, key), 1) : other(parent);
    }
    return child;
  }

  private Node other(Node parent) {
    Node other = parent.children == null ? null : parent.children.get(OTHER);
    // One per node at most, beyond the bound: the tree stays within twice of it.
    return other != null ? other : adopt(parent, new Node(parent, OTHER), 1);
  }

  private Node adopt(Node parent, Node child, int size) {
    if (parent.children == null) {
      parent.children = new HashMap<>(4);
    }
    parent.children.put(child.key, child);
    child.parent = parent;
    nodes += size;
    return child;
  }

  public void count(Node leaf, AllocationSource source, long weight) {
    leaf.bytes[source.ordinal()] += weight;
    leaf.samples[source.ordinal()]++;
  }

  /**
   * This tree's node for the path of {@code node}, which may be another tree's that was {@linkplain #append
   * appended}: held samples keep their node while chunks are merged.
   */
  public Node same(Node node) {
    Deque<Key> path = new ArrayDeque<>();
    Node at = node;
    while (at.parent != null) {
      path.push(at.key);
      at = at.parent;
    }
    if (at == root) {
      return node;
    }
    Node mine = root;
    for (Key key : path) {
      mine = key == OTHER ? other(mine) : child(mine, key);
    }
    return mine;
  }

  /** Adds {@code later}'s counts, node by node; its subtrees this tree lacks are taken over whole. */
  public void append(CallTree later) {
    merge(root, later.root);
    later.root = new Node(null, ROOT);
    later.nodes = 1;
  }

  private void merge(Node mine, Node theirs) {
    add(mine, theirs);
    if (theirs.children == null) {
      return;
    }
    for (Node child : theirs.children.values()) {
      Node match = mine.children == null ? null : mine.children.get(child.key);
      if (match != null) {
        merge(match, child);
      } else if (mine.key.kind() == StackNode.Kind.OTHER_STACKS) {
        addAll(mine, child);
      } else if (nodes < MAX_NODES || child.key == OTHER) {
        adopt(mine, child, size(child));
      } else {
        addAll(other(mine), child);
      }
    }
  }

  private static void add(Node into, Node from) {
    for (int s = 0; s < SOURCES; s++) {
      into.bytes[s] += from.bytes[s];
      into.samples[s] += from.samples[s];
    }
  }

  private static void addAll(Node into, Node from) {
    add(into, from);
    if (from.children != null) {
      for (Node child : from.children.values()) {
        addAll(into, child);
      }
    }
  }

  private static int size(Node node) {
    int size = 1;
    if (node.children != null) {
      for (Node child : node.children.values()) {
        size += size(child);
      }
    }
    return size;
  }

  /**
   * The tree as reported, counting {@code source}'s allocations plus {@code extra} (bytes and samples per node, for
   * samples settled when the profile is built); nodes without any are left out, children largest first.
   */
  public StackNode snapshot(AllocationSource source, Map<Node, long[]> extra) {
    StackNode tree = snapshot(root, source.ordinal(), extra);
    return tree != null ? tree : new StackNode(StackNode.Kind.ROOT, null, null, -1, 0, 0, List.of());
  }

  private static StackNode snapshot(Node node, int source, Map<Node, long[]> extra) {
    long[] more = extra.get(node);
    long bytes = node.bytes[source] + (more == null ? 0 : more[0]);
    long samples = node.samples[source] + (more == null ? 0 : more[1]);
    List<StackNode> children = new ArrayList<>();
    if (node.children != null) {
      for (Node child : node.children.values()) {
        StackNode snapshot = snapshot(child, source, extra);
        if (snapshot != null) {
          children.add(snapshot);
          bytes += snapshot.bytes();
          samples += snapshot.samples();
        }
      }
    }
    if (samples == 0 && node.parent != null) {
      return null;
    }
    children.sort(LARGEST_FIRST);
    Key key = node.key;
    return new StackNode(key.kind(), key.className(), key.method(), key.line(), bytes, samples, children);
  }

  /** Deterministic whatever the hash order: by bytes, then by what the node stands for. */
  private static final Comparator<StackNode> LARGEST_FIRST = Comparator.comparingLong(StackNode::bytes).reversed()
      .thenComparing(StackNode::kind).thenComparing(StackNode::label);
}
