// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.shortlived;

/** What an aggregator publishes when a window closes: window number, line count and a digest of the counters. */
record WindowSummary(long window, int lines, long digest) {
}
