// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SampleRun's command line and its output lines, with and without {@code --warmup}. */
class SampleRunTest {
    /** Where the test loop's arrays go, so that C2 cannot remove them. */
    private static byte[] kept;

    @Test
    void withoutWarmupThereIsNoSteadyStateLine() {
        String output = loop(SampleRun.of(SampleRunTest.class, new String[] {"--seconds", "0.05"}));

        assertThat(output).contains("heapwise-sample: name=SampleRunTest ").doesNotContain("heapwise-sample-steady:");
    }

    @Test
    void warmupGivesTheBytesPerUnitOfWorkAfterIt() {
        String output = loop(SampleRun.of(SampleRunTest.class, new String[] {"--seconds=0.2", "--warmup=0.1"}));

        assertThat(output).containsPattern(
                "(?m)^heapwise-sample: name=SampleRunTest seconds=0\\.\\d{3} allocatedBytes=\\d+ thread=\\S+$");
        // Each unit of work allocates one 1,000-byte array: 1,016 bytes with its header.
        assertThat(output).containsPattern("(?m)^heapwise-sample-steady: name=SampleRunTest seconds=0\\.\\d{3} "
                + "allocatedBytes=\\d+ work=\\d+ bytesPerWork=10\\d\\d\\.\\d{3}$");
    }

    @Test
    void badCommandLinesAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SampleRun.of(SampleRunTest.class, new String[] {"--seconds", "1", "--warmup", "1"}))
                .withMessageContaining("--warmup must be less than --seconds");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SampleRun.of(SampleRunTest.class, new String[] {"--warmup"}))
                .withMessageContaining("--warmup needs a number of seconds");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SampleRun.of(SampleRunTest.class, new String[] {"--warmup", "soon"}))
                .withMessageContaining("--warmup needs a number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SampleRun.of(SampleRunTest.class, new String[] {"--fast"}))
                .withMessageContaining("usage: SampleRunTest [--seconds S] [--warmup W]");
    }

    private static String loop(SampleRun run) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            long units = 0;
            long checksum = 0;
            run.begin();
            do {
                kept = new byte[1_000];
                checksum += kept.length;
                units++;
            } while (run.keepGoing(units));
            run.end("did %,d units", units, checksum);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
