// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import java.util.SplittableRandom;

/**
 * One second of 16-bit mono audio at 48 kHz for the level meter samples: a few tones with a DC offset, noise, and
 * bursts loud enough to clip. Seeded.
 */
final class AudioBlocks {
    static final long SEED = 20261128L;
    static final int RATE = 48_000;
    /** Samples per meter block: 128 at 48 kHz is 2.7 ms, a usual audio callback size. */
    static final int BLOCK = 128;
    static final int BLOCKS = RATE / BLOCK;

    final short[] pcm = new short[BLOCKS * BLOCK];

    AudioBlocks() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < pcm.length; i++) {
            double t = (double) i / RATE;
            double loudness = (i / 4_800) % 3 == 2 ? 1.3 : 0.4;
            double signal = 0.6 * Math.sin(2 * Math.PI * 440 * t) + 0.3 * Math.sin(2 * Math.PI * 1_250 * t);
            double value = 0.02 + loudness * signal + 0.05 * (random.nextDouble() - 0.5);
            pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value * 32_767)));
        }
    }
}
