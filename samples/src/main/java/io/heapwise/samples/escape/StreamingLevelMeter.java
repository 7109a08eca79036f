// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import io.heapwise.samples.SampleRun;

/**
 * The fixed twin of {@link LevelMeter}: it reads each block's samples twice, once for the DC offset and once for the
 * energy and the peak, with the sums in {@code double} locals, so no scratch array is needed and none is allocated.
 */
public final class StreamingLevelMeter {
    private final AudioBlocks audio;
    private int clippedBlocks;

    StreamingLevelMeter(AudioBlocks audio) {
        this.audio = audio;
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(StreamingLevelMeter.class, args);
        StreamingLevelMeter meter = new StreamingLevelMeter(new AudioBlocks());
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
        int end = offset + AudioBlocks.BLOCK; // fixed: ESCAPE_CANDIDATE
        double sum = 0;
        for (int i = offset; i < end; i++) {
            sum += pcm[i] / 32_768.0;
        }
        double mean = sum / AudioBlocks.BLOCK;
        double energy = 0;
        double peak = 0;
        for (int i = offset; i < end; i++) {
            double sample = pcm[i] / 32_768.0;
            energy += (sample - mean) * (sample - mean);
            peak = Math.max(peak, Math.abs(sample));
        }
        if (peak >= 32_767 / 32_768.0) {
            clippedBlocks++;
        }
        return 10 * Math.log10(energy / AudioBlocks.BLOCK + 1e-12);
    }
}
