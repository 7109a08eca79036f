// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.gate;

import java.util.Arrays;

/**
 * The {@code regression} variant of {@link ResponseLog}: a defensive copy of every response, "in case the connection
 * reuses the array", which it never does. One line, and the order desk allocates about two thirds more per request.
 */
final class CopyingResponseLog extends ResponseLog {
    @Override
    void record(long orderNumber, byte[] response) {
        super.record(orderNumber, Arrays.copyOf(response, response.length)); // planted: REGRESSION
    }
}
