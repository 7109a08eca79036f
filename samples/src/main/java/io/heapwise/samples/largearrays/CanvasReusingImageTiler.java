// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.largearrays;

import io.heapwise.samples.SampleRun;

/**
 * The fixed twin of {@link ImageTiler}: the same tile server, but it renders every tile into one canvas allocated up
 * front. Compositing overwrites every pixel, so the canvas needs no clearing between tiles.
 */
public final class CanvasReusingImageTiler {
    private final MapLayers layers;
    private final TileInfo[] history = new TileInfo[ImageTiler.HISTORY];
    private final int[] canvas = new int[ImageTiler.TILE * ImageTiler.TILE];
    private long rendered;

    CanvasReusingImageTiler(MapLayers layers) {
        this.layers = layers;
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(CanvasReusingImageTiler.class, args);
        CanvasReusingImageTiler tiler = new CanvasReusingImageTiler(new MapLayers());
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
        int originX = (int) (tile * ImageTiler.STRIDE % MapLayers.SIZE);
        int originY = (int) (tile * ImageTiler.STRIDE / MapLayers.SIZE * ImageTiler.STRIDE % MapLayers.SIZE);
        int[] canvas = this.canvas; // fixed: LARGE_ARRAY
        ImageTiler.composite(layers, originX, originY, canvas);
        TileInfo info = new TileInfo(originX, originY, MapLayers.encode(canvas));
        history[(int) (tile & (ImageTiler.HISTORY - 1))] = info;
        return info.digest();
    }
}
