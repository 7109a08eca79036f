// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import io.heapwise.samples.SampleRun;
import java.util.SplittableRandom;

/**
 * A decoy for the escape analysis detector: nothing to fix. An access-log dashboard counts responses by status
 * class through a helper that takes the status as a nullable {@code Integer} (null: the client went away before a
 * response). Each call boxes the status with {@code Integer.valueOf}, and 200 to 599 are beyond the {@code Integer}
 * cache, so in the interpreter every call allocates; but the helper and {@code valueOf} are inlined and the box
 * goes nowhere else, so C2 removes it: after warm-up the loop allocates nothing, and a detector must not report it.
 */
public final class StatusClassDecoy {
    static final long SEED = 20261202L;
    static final int RESPONSES = 4096;
    private static final int[] STATUSES = {200, 200, 200, 201, 204, 301, 304, 400, 401, 403, 404, 429, 500, 503};

    private final int[] status = new int[RESPONSES];
    private final long[] byClass = new long[6];

    StatusClassDecoy() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int r = 0; r < RESPONSES; r++) {
            status[r] = STATUSES[random.nextInt(STATUSES.length)];
        }
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(StatusClassDecoy.class, args);
        StatusClassDecoy dashboard = new StatusClassDecoy();
        long counted = 0;
        run.begin();
        do {
            dashboard.countAll();
            counted += RESPONSES;
        } while (run.keepGoing(counted));
        long[] byClass = dashboard.byClass;
        run.end("counted %,d responses", counted, byClass[2] * 31 + byClass[3] * 17 + byClass[4] * 7 + byClass[5]);
    }

    /** Adds every response of the log to the per-class counters. */
    void countAll() {
        for (int r = 0; r < RESPONSES; r++) {
            byClass[statusClass(status[r])]++; // decoy: ESCAPE_CANDIDATE
        }
    }

    /** 2 for 2xx, 3 for 3xx and so on; 0 when there was no response. */
    static int statusClass(Integer status) {
        return status == null ? 0 : status / 100;
    }
}
