// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

/** A position in a text file, as editors count: lines and columns from 1. */
record Position(int line, int column) {
    static final Position START = new Position(1, 1);
}
