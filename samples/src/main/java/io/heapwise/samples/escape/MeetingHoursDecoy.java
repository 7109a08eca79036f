// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import io.heapwise.samples.SampleRun;
import java.util.SplittableRandom;

/**
 * A decoy for the escape analysis detector: nothing to fix. A calendar's weekly report sums how many meeting minutes
 * fall inside working hours, wrapping each meeting in a {@link TimeRange} to do the arithmetic. The range never
 * leaves the method, and every method it is handed to ({@code overlapWith}, {@code length}) is small and inlined, so
 * C2 scalar-replaces it: after warm-up the loop allocates nothing, and a detector must not report it.
 */
public final class MeetingHoursDecoy {
    static final long SEED = 20261130L;
    static final int MEETINGS = 4096;
    /** Working hours, 9:00 to 17:30. */
    static final TimeRange WORKDAY = new TimeRange(9 * 60, 17 * 60 + 30);

    private final int[] start = new int[MEETINGS];
    private final int[] end = new int[MEETINGS];

    MeetingHoursDecoy() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int m = 0; m < MEETINGS; m++) {
            start[m] = random.nextInt(7 * 4, 20 * 4) * 15;
            end[m] = start[m] + random.nextInt(1, 9) * 15;
        }
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(MeetingHoursDecoy.class, args);
        MeetingHoursDecoy report = new MeetingHoursDecoy();
        long meetings = 0;
        long checksum = 0;
        run.begin();
        do {
            checksum = 31 * checksum + report.minutesInWorkingHours();
            meetings += MEETINGS;
        } while (run.keepGoing(meetings));
        run.end("summed %,d meetings", meetings, checksum);
    }

    /** Meeting minutes within working hours, and (in the high half) minutes outside them. */
    long minutesInWorkingHours() {
        long inside = 0;
        long outside = 0;
        for (int m = 0; m < MEETINGS; m++) {
            TimeRange meeting = new TimeRange(start[m], end[m]); // decoy: ESCAPE_CANDIDATE
            int overlap = meeting.overlapWith(WORKDAY);
            inside += overlap;
            outside += meeting.length() - overlap;
        }
        return outside << 32 | inside;
    }
}
