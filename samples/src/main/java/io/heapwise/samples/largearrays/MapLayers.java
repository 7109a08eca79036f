// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.largearrays;

import java.util.SplittableRandom;

/**
 * The raster layers of the tiling samples: a shaded-relief base map and a semi-transparent road overlay, both as
 * packed {@code 0xAARRGGBB} pixels on a {@value #SIZE}-pixel square that wraps around at its edges, and the rule that
 * composites them.
 */
final class MapLayers {
    static final long SEED = 20261125L;
    static final int SIZE = 2048;

    final int[] relief = new int[SIZE * SIZE];
    final int[] roads = new int[SIZE * SIZE];

    MapLayers() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int height = (int) (96 + 64 * Math.sin(x / 97.0) * Math.cos(y / 61.0)) + random.nextInt(8);
                relief[y * SIZE + x] = 0xFF00_0000 | height << 16 | (height + 24) << 8 | height / 2;
                boolean road = x % 173 < 3 || y % 211 < 3 || (x + y) % 389 < 2;
                roads[y * SIZE + x] = road ? 0xB0F0_C040 : 0;
            }
        }
    }

    /** Alpha-blends an overlay pixel over a base pixel. */
    static int blend(int base, int overlay) {
        int alpha = overlay >>> 24;
        if (alpha == 0) {
            return base;
        }
        int inverse = 255 - alpha;
        int red = ((overlay >>> 16 & 0xFF) * alpha + (base >>> 16 & 0xFF) * inverse) / 255;
        int green = ((overlay >>> 8 & 0xFF) * alpha + (base >>> 8 & 0xFF) * inverse) / 255;
        int blue = ((overlay & 0xFF) * alpha + (base & 0xFF) * inverse) / 255;
        return 0xFF00_0000 | red << 16 | green << 8 | blue;
    }

    /** A digest of a rendered tile, standing in for encoding it (an Adler-32 style sum over the pixels). */
    static long encode(int[] tile) {
        long a = 1;
        long b = 0;
        for (int pixel : tile) {
            a = (a + (pixel & 0xFF_FFFF)) % 65_521;
            b = (b + a) % 65_521;
        }
        return b << 16 | a;
    }
}
