// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.pointers;

import io.heapwise.samples.SampleRun;
import java.util.Arrays;

/**
 * A delivery router that rebuilds its road graph from every traffic snapshot and then walks it breadth-first from each
 * depot, summing hop counts and the travel time along the search tree. Planted: the graph is a web of small objects,
 * {@link Junction}s holding linked lists of {@link Road}s, and every tick allocates a new {@code Road} per road: an
 * object that is mostly header and references. Twin: {@link CompactGraphWalk}, which keeps the same adjacency in
 * parallel {@code int} arrays (compressed sparse rows) refilled in place.
 */
public final class GraphWalk {
    /** Reports kept for the status page. A power of two. */
    static final int HISTORY = 64;

    private final RoadNetwork network;
    private final Junction[] junctions = new Junction[RoadNetwork.JUNCTIONS];
    private final int[] hops = new int[RoadNetwork.JUNCTIONS];
    private final Junction[] queue = new Junction[RoadNetwork.JUNCTIONS];
    private final TickReport[] history = new TickReport[HISTORY];

    /** A junction and the head of its list of outgoing roads. */
    static final class Junction {
        final int id;
        Road firstRoad;

        Junction(int id) {
            this.id = id;
        }
    }

    /** An outgoing road: where it leads, its travel time, and the next road out of the same junction. */
    static final class Road {
        final Junction to;
        final Road next;
        final int seconds;

        Road(Junction to, Road next, int seconds) {
            this.to = to;
            this.next = next;
            this.seconds = seconds;
        }
    }

    GraphWalk(RoadNetwork network) {
        this.network = network;
        for (int i = 0; i < junctions.length; i++) {
            junctions[i] = new Junction(i);
        }
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(GraphWalk.class, args);
        GraphWalk router = new GraphWalk(new RoadNetwork());
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

    /** Replaces the adjacency lists with the current snapshot's roads. */
    void rebuild() {
        for (Junction junction : junctions) {
            junction.firstRoad = null;
        }
        int[] from = network.from;
        int[] to = network.to;
        int[] seconds = network.seconds;
        for (int road = 0; road < RoadNetwork.ROADS; road++) {
            Junction start = junctions[from[road]];
            start.firstRoad = new Road(junctions[to[road]], start.firstRoad, seconds[road]); // planted: POINTER_HEAVY_CLASS
        }
    }

    /** Walks the graph from every depot and publishes the tick's report; returns its digest. */
    long route(long tick) {
        long digest = 0;
        int reachable = 0;
        for (int depot : RoadNetwork.DEPOTS) {
            Arrays.fill(hops, -1);
            hops[depot] = 0;
            queue[0] = junctions[depot];
            int head = 0;
            int tail = 1;
            while (head < tail) {
                Junction junction = queue[head++];
                int nextHops = hops[junction.id] + 1;
                for (Road road = junction.firstRoad; road != null; road = road.next) {
                    int target = road.to.id;
                    if (hops[target] < 0) {
                        hops[target] = nextHops;
                        queue[tail++] = road.to;
                        digest += nextHops * 1_000L + road.seconds;
                    }
                }
            }
            reachable += tail;
        }
        TickReport report = new TickReport(tick, reachable, digest);
        history[(int) (tick & (HISTORY - 1))] = report;
        return report.digest();
    }
}
