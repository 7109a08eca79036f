// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import java.util.SplittableRandom;

/**
 * Map viewports for the tile prefetch samples, in world coordinates from 0 to 1 on both axes: a screen's worth of
 * the map at about zoom level 9, seen from places all over the world. Seeded.
 */
final class Viewports {
    static final long SEED = 20261129L;
    static final int COUNT = 1024;
    /** Tiles are fetched down to this zoom level. */
    static final int MAX_ZOOM = 10;

    final double[] left = new double[COUNT];
    final double[] top = new double[COUNT];
    final double[] right = new double[COUNT];
    final double[] bottom = new double[COUNT];

    Viewports() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int v = 0; v < COUNT; v++) {
            double width = random.nextDouble(3, 6) / 512;
            double height = width * 9 / 16;
            left[v] = random.nextDouble(0, 1 - width);
            top[v] = random.nextDouble(0, 1 - height);
            right[v] = left[v] + width;
            bottom[v] = top[v] + height;
        }
    }
}
