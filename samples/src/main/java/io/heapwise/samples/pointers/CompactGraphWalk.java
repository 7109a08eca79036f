// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.pointers;

import io.heapwise.samples.SampleRun;
import java.util.Arrays;

/**
 * The fixed twin of {@link GraphWalk}: the same router, but the adjacency is kept in compressed sparse rows, parallel
 * {@code int} arrays of road targets and travel times indexed by per-junction offsets, refilled in place every tick.
 * Roads are stored in the same order as {@code GraphWalk}'s linked lists, so both walks visit the same tree.
 */
public final class CompactGraphWalk {
    private final RoadNetwork network;
    /** Roads out of junction {@code j} occupy slots {@code [firstSlot[j], firstSlot[j + 1])}. */
    private final int[] firstSlot = new int[RoadNetwork.JUNCTIONS + 1];
    private final int[] fillCursor = new int[RoadNetwork.JUNCTIONS];
    private final int[] roadTarget = new int[RoadNetwork.ROADS];
    private final int[] roadSeconds = new int[RoadNetwork.ROADS];
    private final int[] hops = new int[RoadNetwork.JUNCTIONS];
    private final int[] queue = new int[RoadNetwork.JUNCTIONS];
    private final TickReport[] history = new TickReport[GraphWalk.HISTORY];

    CompactGraphWalk(RoadNetwork network) {
        this.network = network;
        for (int from : network.from) {
            firstSlot[from + 1]++;
        }
        for (int j = 0; j < RoadNetwork.JUNCTIONS; j++) {
            firstSlot[j + 1] += firstSlot[j];
        }
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(CompactGraphWalk.class, args);
        CompactGraphWalk router = new CompactGraphWalk(new RoadNetwork());
        long ticks = 0;
        long checksum = 0;
        run.begin();
        do {
            router.network.nextSnapshot();
            router.rebuild();
            checksum = 31 * checksum + router.route(ticks++);
        } while (run.keepGoing());
        run.end("routed %,d traffic ticks", ticks, checksum);
    }

    /** Refills the rows with the current snapshot's roads, last road first, as prepending to a linked list would. */
    void rebuild() {
        System.arraycopy(firstSlot, 1, fillCursor, 0, RoadNetwork.JUNCTIONS);
        int[] from = network.from;
        int[] to = network.to;
        int[] seconds = network.seconds;
        for (int road = 0; road < RoadNetwork.ROADS; road++) {
            int slot = --fillCursor[from[road]];
            roadTarget[slot] = to[road]; // fixed: POINTER_HEAVY_CLASS
            roadSeconds[slot] = seconds[road];
        }
    }

    /** Walks the graph from every depot and publishes the tick's report; returns its digest. */
    long route(long tick) {
        long digest = 0;
        int reachable = 0;
        for (int depot : RoadNetwork.DEPOTS) {
            Arrays.fill(hops, -1);
            hops[depot] = 0;
            queue[0] = depot;
            int head = 0;
            int tail = 1;
            while (head < tail) {
                int junction = queue[head++];
                int nextHops = hops[junction] + 1;
                for (int slot = firstSlot[junction]; slot < firstSlot[junction + 1]; slot++) {
                    int target = roadTarget[slot];
                    if (hops[target] < 0) {
                        hops[target] = nextHops;
                        queue[tail++] = target;
                        digest += nextHops * 1_000L + roadSeconds[slot];
                    }
                }
            }
            reachable += tail;
        }
        TickReport report = new TickReport(tick, reachable, digest);
        history[(int) (tick & (GraphWalk.HISTORY - 1))] = report;
        return report.digest();
    }
}
