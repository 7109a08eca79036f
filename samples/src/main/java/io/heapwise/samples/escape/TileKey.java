// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

/** A web map tile: zoom level, then column and row among the {@code 2^zoom x 2^zoom} tiles of that level. */
record TileKey(int zoom, int x, int y) {
    static final TileKey WORLD = new TileKey(0, 0, 0);
}
