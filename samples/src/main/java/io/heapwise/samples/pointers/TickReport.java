// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.pointers;

/** What the router publishes per tick: the tick, the junctions reachable from the depots, a digest of the routes. */
record TickReport(long tick, int reachable, long digest) {
}
