// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which local variables are live (read again before being overwritten) at each instruction. C2 builds phis only
 * for live locals, so a slot that javac reuses for two variables is no merge point: only a live slot counts.
 */
final class Liveness {

  private Liveness() {
  }

  /**
   * The live-in locals of every instruction.
   *
   * @param successors each instruction's normal successors
   * @param handlers each instruction's exception handlers: live there is live before the instruction
   * @param predecessors from {@link #predecessors}
   */
  static BitSet[] liveIn(InsnList insns, List<int[]> successors, List<int[]> handlers, int[][] predecessors) {
    int n = insns.size();
    BitSet[] in = new BitSet[n];
    Deque<Integer> work = new ArrayDeque<>();
    for (int i = n - 1; i >= 0; i--) {
      in[i] = new BitSet();
      work.add(i);
    }
    boolean[] queued = new boolean[n];
    java.util.Arrays.fill(queued, true);
    while (!work.isEmpty()) {
      int i = work.poll();
      queued[i] = false;
      BitSet live = new BitSet();
      for (int s : successors.get(i)) {
        live.or(in[s]);
      }
      AbstractInsnNode insn = insns.get(i);
      int op = insn.getOpcode();
      if (insn instanceof VarInsnNode var) {
        if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
          live.clear(var.var);
        } else {
          live.set(var.var); // loads and RET
        }
      } else if (insn instanceof IincInsnNode inc) {
        live.set(inc.var);
      }
      for (int h : handlers.get(i)) {
        live.or(in[h]);
      }
      if (!live.equals(in[i])) {
        in[i] = live;
        for (int p : predecessors[i]) {
          if (!queued[p]) {
            queued[p] = true;
            work.add(p);
          }
        }
      }
    }
    return in;
  }

  /** Each instruction's predecessors, by normal and exception edges: two or more make it a merge point. */
  static int[][] predecessors(int n, List<int[]> successors, List<int[]> handlers) {
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      for (int s : successors.get(i)) {
        counts[s]++;
      }
      for (int h : handlers.get(i)) {
        counts[h]++;
      }
    }
    int[][] out = new int[n][];
    for (int i = 0; i < n; i++) {
      out[i] = new int[counts[i]];
      counts[i] = 0;
    }
    for (int i = 0; i < n; i++) {
      for (int s : successors.get(i)) {
        out[s][counts[s]++] = i;
      }
      for (int h : handlers.get(i)) {
        out[h][counts[h]++] = i;
      }
    }
    return out;
  }
}
