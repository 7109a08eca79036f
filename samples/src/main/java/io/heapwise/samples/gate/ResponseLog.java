// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.gate;

/**
 * The last responses by purchase order number, so that a buyer whose connection dropped and who sends the same order
 * again gets the same invoice back instead of a second one (the replay path is not part of this sample). Responses are
 * never modified once rendered, so the log keeps the array the connection wrote ({@link CopyingResponseLog} is the
 * version that copies it).
 */
class ResponseLog {
    private static final int CAPACITY = 256;

    private final long[] numbers = new long[CAPACITY];
    private final byte[][] responses = new byte[CAPACITY][];
    private int next;

    void record(long orderNumber, byte[] response) {
        numbers[next] = orderNumber;
        responses[next] = response;
        next = (next + 1) % CAPACITY;
    }
}
