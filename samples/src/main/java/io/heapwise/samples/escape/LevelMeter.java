// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import io.heapwise.samples.SampleRun;

/**
 * The level meter of an audio recorder: for every block of {@value AudioBlocks#BLOCK} samples, the RMS level with
 * the block's DC offset removed, and a count of clipped blocks. Planted: each block is first converted into a scratch
 * {@code double[BLOCK]} that never leaves the method. C2 scalar-replaces only arrays of a constant length up to
 * {@code EliminateAllocationArraySizeLimit} (64) whose elements it can tell apart, which takes constant indexes; this
 * one is longer, and indexed by a loop counter besides, so every block allocates it on the heap (so would a
 * {@code double[64]}, for the index: 528 bytes a block, measured on JDK 17 and 25). Twin:
 * {@link StreamingLevelMeter}, which reads the block's samples twice, keeping its sums in {@code double} locals.
 */
public final class LevelMeter {
    private final AudioBlocks audio;
    private int clippedBlocks;

    LevelMeter(AudioBlocks audio) {
        this.audio = audio;
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(LevelMeter.class, args);
        LevelMeter meter = new LevelMeter(new AudioBlocks());
        long blocks = 0;
        long checksum = 0;
        run.begin();
        do {
            for (int b = 0; b < AudioBlocks.BLOCKS; b++) {
                checksum = 31 * checksum + Double.doubleToLongBits(meter.measure(b * AudioBlocks.BLOCK));
            }
            blocks += AudioBlocks.BLOCKS;
        } while (run.keepGoing(blocks));
        run.end("metered %,d blocks", blocks, checksum + meter.clippedBlocks);
    }

    /** The RMS level of the block that starts at {@code offset}, in dBFS; counts the block if it clipped. */
    double measure(int offset) {
        short[] pcm = audio.pcm;
        double[] block = new double[AudioBlocks.BLOCK]; // planted: ESCAPE_CANDIDATE
        double sum = 0;
        for (int k = 0; k < block.length; k++) {
            block[k] = pcm[offset + k] / 32_768.0;
            sum += block[k];
        }
        double mean = sum / block.length;
        double energy = 0;
        double peak = 0;
        for (double sample : block) {
            energy += (sample - mean) * (sample - mean);
            peak = Math.max(peak, Math.abs(sample));
        }
        if (peak >= 32_767 / 32_768.0) {
            clippedBlocks++;
        }
        return 10 * Math.log10(energy / block.length + 1e-12);
    }
}
