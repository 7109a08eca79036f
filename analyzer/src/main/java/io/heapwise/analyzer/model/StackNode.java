// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One node of the allocation call tree that flame graphs and profile exports draw: the root, a stack frame, or, at
 * each leaf, the type allocated there. Paths run from the outermost frame (the thread's entry) to the allocating
 * frame, then the type.
 *
 * @param kind what the node stands for
 * @param className the frame's class, or for {@link Kind#ALLOCATED_TYPE} the allocated type ({@code byte[]});
 *     {@code null} for the root and {@link Kind#OTHER_STACKS}
 * @param method the frame's method; {@code null} for all but {@link Kind#FRAME}
 * @param line the frame's source line, {@code -1} when unknown or not a frame
 * @param bytes sampled bytes of this node and all under it, from the report's allocation source
 * @param samples allocation events of this node and all under it
 * @param children largest first
 */
@JsonPropertyOrder({"kind", "className", "method", "line", "bytes", "samples", "children"})
public record StackNode(
    Kind kind,
    @JsonInclude(JsonInclude.Include.NON_NULL) String className,
    @JsonInclude(JsonInclude.Include.NON_NULL) String method,
    int line,
    long bytes,
    long samples,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<StackNode> children) {

  public enum Kind {
    /** All sampled allocation: its bytes are the report's total. */
    ROOT,
    FRAME,
    /** A leaf: what the path above it allocated. */
    ALLOCATED_TYPE,
    /** The rest of the stacks that went through the parent once the tree held its limit of nodes. */
    OTHER_STACKS
  }

  public StackNode {
    children = children == null ? List.of() : List.copyOf(children);
  }

  /** Bytes sampled with this node at the top of the stack, none of its children's. */
  public long selfBytes() {
    long self = bytes;
    for (StackNode child : children) {
      self -= child.bytes;
    }
    return self;
  }

  public long selfSamples() {
    long self = samples;
    for (StackNode child : children) {
      self -= child.samples;
    }
    return self;
  }

  /** {@code com.acme.Book.match:61}, {@code byte[]}, {@code all} or {@code (other stacks)}. */
  public String label() {
    return switch (kind) {
      case ROOT -> "all";
      case FRAME -> className + "." + method + (line >= 0 ? ":" + line : "");
      case ALLOCATED_TYPE -> className;
      case OTHER_STACKS -> "(other stacks)";
    };
  }
}
