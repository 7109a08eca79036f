// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.largearrays;

import io.heapwise.samples.SampleRun;

/**
 * A map tile server that renders {@value #TILE}-pixel square tiles by compositing a road overlay over a relief base
 * map, then encodes them. Planted: every tile is rendered into a fresh 4 MiB {@code int[]} canvas, an array large
 * enough to be allocated outside the TLAB (and as a humongous object on G1 with regions of 4 MiB or less), and dead as
 * soon as the tile is encoded. Twin: {@link CanvasReusingImageTiler}, which renders every tile into the same canvas.
 */
public final class ImageTiler {
    /** Tile edge in pixels: a tile is {@code TILE * TILE} pixels, 4 MiB as {@code int[]}. */
    static final int TILE = 1024;
    /** Distance between the origins of consecutive tiles; tiles overlap, as zoomed views of a slippy map do. */
    static final int STRIDE = 384;
    /** Tiles logged for the status page. A power of two. */
    static final int HISTORY = 64;

    private final MapLayers layers;
    private final TileInfo[] history = new TileInfo[HISTORY];
    private long rendered;

    ImageTiler(MapLayers layers) {
        this.layers = layers;
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(ImageTiler.class, args);
        ImageTiler tiler = new ImageTiler(new MapLayers());
        long checksum = 0;
        run.begin();
        do {
            checksum = 31 * checksum + tiler.renderNext();
        } while (run.keepGoing());
        run.end("rendered %,d tiles", tiler.rendered, checksum);
    }

    /** Renders and encodes the next tile of the sweep; returns its digest. */
    long renderNext() {
        long tile = rendered++;
        int originX = (int) (tile * STRIDE % MapLayers.SIZE);
        int originY = (int) (tile * STRIDE / MapLayers.SIZE * STRIDE % MapLayers.SIZE);
        int[] canvas = new int[TILE * TILE]; // planted: LARGE_ARRAY
        composite(layers, originX, originY, canvas);
        TileInfo info = new TileInfo(originX, originY, MapLayers.encode(canvas));
        history[(int) (tile & (HISTORY - 1))] = info;
        return info.digest();
    }

    /** Fills every pixel of {@code canvas} with the composited map at {@code (originX, originY)}. */
    static void composite(MapLayers layers, int originX, int originY, int[] canvas) {
        int mask = MapLayers.SIZE - 1;
        for (int y = 0; y < TILE; y++) {
            int row = ((originY + y) & mask) * MapLayers.SIZE;
            int out = y * TILE;
            for (int x = 0; x < TILE; x++) {
                int source = row + ((originX + x) & mask);
                canvas[out + x] = MapLayers.blend(layers.relief[source], layers.roads[source]);
            }
        }
    }
}
