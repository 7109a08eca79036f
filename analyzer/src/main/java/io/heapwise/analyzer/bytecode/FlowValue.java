// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import java.util.Arrays;
import org.objectweb.asm.tree.analysis.Value;

/**
 * A local or stack slot as escape analysis sees it: a primitive, or a reference that may be any of a set of tracked
 * objects ({@link MethodCode} numbers them: allocations and call results by instruction index, parameters and what
 * was read from them by negative numbers) and, when {@link #other}, something else too (null, a static, an object
 * read from the heap).
 */
final class FlowValue implements Value {

  private static final int[] NONE = {};

  /** A slot the verifier would not let anyone read (uninitialised, or two kinds merged). */
  static final FlowValue UNUSABLE = new FlowValue(Kind.UNUSABLE, false, NONE);
  /** int, float, boolean, byte, char, short, and a return address. */
  static final FlowValue WORD = new FlowValue(Kind.WORD, false, NONE);
  /** long, double. */
  static final FlowValue DOUBLE_WORD = new FlowValue(Kind.DOUBLE_WORD, false, NONE);
  /** A reference to nothing tracked: null, a static field, a constant. */
  static final FlowValue UNTRACKED = new FlowValue(Kind.REFERENCE, true, NONE);

  private enum Kind { UNUSABLE, WORD, DOUBLE_WORD, REFERENCE }

  private final Kind kind;
  /** May be something not tracked. */
  final boolean other;
  /** The tracked objects it may be, sorted, without repeats. */
  private final int[] sources;

  private FlowValue(Kind kind, boolean other, int[] sources) {
    this.kind = kind;
    this.other = other;
    this.sources = sources;
  }

  static FlowValue of(int source) {
    return new FlowValue(Kind.REFERENCE, false, new int[] {source});
  }

  static FlowValue of(int[] sortedSources, boolean other) {
    return sortedSources.length == 0 && other ? UNTRACKED : new FlowValue(Kind.REFERENCE, other, sortedSources);
  }

  @Override
  public int getSize() {
    return kind == Kind.DOUBLE_WORD ? 2 : 1;
  }

  boolean isReference() {
    return kind == Kind.REFERENCE;
  }

  /** The tracked objects; do not modify. */
  int[] sources() {
    return sources;
  }

  boolean tracked() {
    return sources.length > 0;
  }

  /** The join of two values flowing into one slot. */
  FlowValue merge(FlowValue that) {
    if (this.equals(that)) {
      return this;
    }
    if (kind != Kind.REFERENCE || that.kind != Kind.REFERENCE) {
      return kind == that.kind ? this : UNUSABLE;
    }
    return union(that, false);
  }

  /** This value or that one, and {@code other} too when asked. */
  FlowValue union(FlowValue that, boolean alsoOther) {
    int[] merged = union(sources, that.sources);
    boolean anyOther = other || that.other || alsoOther;
    if (merged == sources && anyOther == other) {
      return this;
    }
    return of(merged, anyOther);
  }

  static int[] union(int[] a, int[] b) {
    if (b.length == 0) {
      return a;
    }
    if (a.length == 0) {
      return b;
    }
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      int next;
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        next = a[i++];
      } else if (i >= a.length || b[j] < a[i]) {
        next = b[j++];
      } else {
        next = a[i++];
        j++;
      }
      out[n++] = next;
    }
    return n == a.length ? a : Arrays.copyOf(out, n);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof FlowValue that && kind == that.kind && other == that.other
        && Arrays.equals(sources, that.sources);
  }

  @Override
  public int hashCode() {
    return (kind.hashCode() * 31 + Boolean.hashCode(other)) * 31 + Arrays.hashCode(sources);
  }

  @Override
  public String toString() {
    return kind == Kind.REFERENCE ? Arrays.toString(sources) + (other ? "+other" : "") : kind.name();
  }
}
