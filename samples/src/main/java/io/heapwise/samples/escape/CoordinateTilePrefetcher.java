// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import io.heapwise.samples.SampleRun;

/**
 * The fixed twin of {@link TilePrefetcher}: the recursion passes a tile as its zoom, column and row, three
 * {@code int}s that need no object, so the calls C2 cannot inline cost no allocation.
 */
public final class CoordinateTilePrefetcher {
    private final Viewports viewports;
    private double left;
    private double top;
    private double right;
    private double bottom;

    CoordinateTilePrefetcher(Viewports viewports) {
        this.viewports = viewports;
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(CoordinateTilePrefetcher.class, args);
        CoordinateTilePrefetcher prefetcher = new CoordinateTilePrefetcher(new Viewports());
        long queries = 0;
        long checksum = 0;
        run.begin();
        do {
            for (int v = 0; v < Viewports.COUNT; v++) {
                checksum = 31 * checksum + prefetcher.tilesOnScreen(v);
            }
            queries += Viewports.COUNT;
        } while (run.keepGoing(queries));
        run.end("answered %,d viewport queries", queries, checksum);
    }

    /** How many tiles, of every zoom level, viewport {@code v} shows. */
    int tilesOnScreen(int v) {
        left = viewports.left[v];
        top = viewports.top[v];
        right = viewports.right[v];
        bottom = viewports.bottom[v];
        return visit(0, 0, 0);
    }

    /** The tiles on screen in the subtree of the tile at {@code zoom}, {@code x}, {@code y}, itself included. */
    private int visit(int zoom, int x, int y) {
        double size = 1.0 / (1 << zoom);
        double tileLeft = x * size;
        double tileTop = y * size;
        if (tileLeft >= right || tileLeft + size <= left || tileTop >= bottom || tileTop + size <= top) {
            return 0;
        }
        if (zoom == Viewports.MAX_ZOOM) {
            return 1;
        }
        int count = 1;
        for (int child = 0; child < 4; child++) {
            count += visit(zoom + 1, 2 * x + (child & 1), 2 * y + (child >> 1)); // fixed: ESCAPE_CANDIDATE
        }
        return count;
    }
}
