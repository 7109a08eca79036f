// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.threads;

import java.util.SplittableRandom;

/**
 * The work of the thumbnail samples: a large photo cut into tiles, each tile scaled down by {@value #SCALE} in both
 * directions with a box filter into a preallocated thumbnail sheet. Rendering a tile allocates nothing, so whatever
 * the renderers allocate comes from how they schedule the work.
 */
final class PhotoLibrary {
    static final long SEED = 20261125L;
    static final int WIDTH = 512;
    static final int HEIGHT = 512;
    static final int TILE = 32;
    static final int SCALE = 4;
    static final int TILES_PER_ROW = WIDTH / TILE;
    static final int TILES = TILES_PER_ROW * (HEIGHT / TILE);
    static final int THUMB = TILE / SCALE;

    /** The photo, as packed {@code 0xRRGGBB} pixels, row by row. */
    private final int[] photo = new int[WIDTH * HEIGHT];
    /** The thumbnails of all tiles, {@code THUMB * THUMB} pixels per tile, tile by tile. */
    private final int[] thumbnails = new int[TILES * THUMB * THUMB];

    PhotoLibrary() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < photo.length; i++) {
            int x = i % WIDTH;
            int y = i / WIDTH;
            int noise = random.nextInt(16);
            photo[i] = ((x >> 3) + noise) << 16 | ((y >> 3) + noise) << 8 | ((x + y) >> 4) + noise;
        }
    }

    /** Scales tile {@code tile} down into its slot in the thumbnail sheet; safe to run concurrently for other tiles. */
    void renderTile(int tile) {
        int originX = (tile % TILES_PER_ROW) * TILE;
        int originY = (tile / TILES_PER_ROW) * TILE;
        int out = tile * THUMB * THUMB;
        for (int ty = 0; ty < THUMB; ty++) {
            for (int tx = 0; tx < THUMB; tx++) {
                int red = 0;
                int green = 0;
                int blue = 0;
                for (int dy = 0; dy < SCALE; dy++) {
                    int row = (originY + ty * SCALE + dy) * WIDTH + originX + tx * SCALE;
                    for (int dx = 0; dx < SCALE; dx++) {
                        int pixel = photo[row + dx];
                        red += pixel >>> 16 & 0xFF;
                        green += pixel >>> 8 & 0xFF;
                        blue += pixel & 0xFF;
                    }
                }
                int area = SCALE * SCALE;
                thumbnails[out++] = (red / area) << 16 | (green / area) << 8 | blue / area;
            }
        }
    }

    /** A digest of the thumbnails of {@code count} tiles starting at {@code firstTile}. */
    long digest(int firstTile, int count) {
        long digest = 0;
        int from = firstTile * THUMB * THUMB;
        int to = from + count * THUMB * THUMB;
        for (int i = from; i < to; i++) {
            digest = 31 * digest + thumbnails[i];
        }
        return digest;
    }
}
