// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.unsized;

/** An incoming limit order: side, limit price in ticks, and quantity. */
record Order(boolean buy, int limitPrice, int quantity) {
}
