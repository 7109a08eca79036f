// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.pointers;

import java.util.SplittableRandom;

/**
 * A deterministic road network for the graph samples: junctions on a grid with one-way roads to nearby junctions, and a
 * traffic feed that refreshes every road's travel time once per tick. The topology is fixed; the travel times are not.
 */
final class RoadNetwork {
    static final long SEED = 20261125L;
    static final int GRID = 128;
    static final int JUNCTIONS = GRID * GRID;
    static final int ROADS_PER_JUNCTION = 8;
    static final int ROADS = JUNCTIONS * ROADS_PER_JUNCTION;
    /** Depots that routing queries start from each tick. */
    static final int[] DEPOTS = {0, JUNCTIONS / 3, JUNCTIONS / 2 + GRID / 2, JUNCTIONS - 1};

    /** Road {@code r} leads from junction {@code from[r]} to junction {@code to[r]}. */
    final int[] from = new int[ROADS];
    final int[] to = new int[ROADS];
    /** Travel time of road {@code r} in seconds, as of the latest traffic snapshot. */
    final int[] seconds = new int[ROADS];

    private final SplittableRandom traffic = new SplittableRandom(SEED);

    RoadNetwork() {
        SplittableRandom random = new SplittableRandom(SEED ^ 0x5DEECE66DL);
        int road = 0;
        for (int junction = 0; junction < JUNCTIONS; junction++) {
            int row = junction / GRID;
            int column = junction % GRID;
            for (int k = 0; k < ROADS_PER_JUNCTION; k++) {
                int targetRow = Math.floorMod(row + random.nextInt(-3, 4), GRID);
                int targetColumn = Math.floorMod(column + random.nextInt(-3, 4), GRID);
                from[road] = junction;
                to[road] = targetRow * GRID + targetColumn;
                road++;
            }
        }
        nextSnapshot();
    }

    /** Applies the next traffic snapshot: every road gets a fresh travel time. Allocates nothing. */
    void nextSnapshot() {
        for (int road = 0; road < ROADS; road++) {
            seconds[road] = 20 + traffic.nextInt(600);
        }
    }
}
