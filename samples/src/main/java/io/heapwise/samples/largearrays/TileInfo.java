// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.largearrays;

/** What the tile server logs per rendered tile: its coordinates and the digest of its encoded pixels. */
record TileInfo(int originX, int originY, long digest) {
}
