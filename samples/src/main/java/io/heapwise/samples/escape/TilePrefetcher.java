// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import io.heapwise.samples.SampleRun;

/**
 * The prefetcher of a map viewer: for each viewport, it walks the tile pyramid from the whole world down to
 * {@value Viewports#MAX_ZOOM} and counts the tiles on screen, skipping every subtree that is off it. Planted: each
 * child tile's {@link TileKey} is made for the recursive call that visits it. C2 inlines a method into itself only
 * one level deep ({@code MaxRecursiveInlineLevel} is 1: "recursive inlining is too deep"), so below that level the
 * key is handed to a real call, escape analysis must assume it escapes, and most keys are allocated on the heap,
 * although none outlives its visit. Twin: {@link CoordinateTilePrefetcher}, which passes the zoom, column and row
 * as three {@code int}s.
 */
public final class TilePrefetcher {
    private final Viewports viewports;
    private double left;
    private double top;
    private double right;
    private double bottom;

    TilePrefetcher(Viewports viewports) {
        this.viewports = viewports;
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(TilePrefetcher.class, args);
        TilePrefetcher prefetcher = new TilePrefetcher(new Viewports());
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
        return visit(TileKey.WORLD);
    }

    /** The tiles on screen in {@code tile}'s subtree, itself included. */
    private int visit(TileKey tile) {
        double size = 1.0 / (1 << tile.zoom());
        double tileLeft = tile.x() * size;
        double tileTop = tile.y() * size;
        if (tileLeft >= right || tileLeft + size <= left || tileTop >= bottom || tileTop + size <= top) {
            return 0;
        }
        if (tile.zoom() == Viewports.MAX_ZOOM) {
            return 1;
        }
        int zoom = tile.zoom() + 1;
        int x = 2 * tile.x();
        int y = 2 * tile.y();
        int count = 1;
        for (int child = 0; child < 4; child++) {
            count += visit(new TileKey(zoom, x + (child & 1), y + (child >> 1))); // planted: ESCAPE_CANDIDATE
        }
        return count;
    }
}
