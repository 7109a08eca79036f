// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.samples.escape.EscapeSamples.Decoy;
import io.heapwise.samples.escape.EscapeSamples.Planted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the escape-analysis samples allocate once C2 has compiled them, each in a JVM of its own (the JDK under test):
 * the exact bytes of the workload thread per unit of work after a warm-up. A planted sample allocates its object on
 * every unit of work; its twin, and every decoy, allocate (near) nothing. Measured values, the same on JDK 17 and 25
 * (BENCHMARKS.md, "Escape-analysis samples"): planted 24 to 393,248 bytes per unit, twins 0 to 32 (GeometryKernel's
 * twin keeps one 32-byte FrameStats per frame of 393,248), decoys 0.
 */
class EscapeSamplesIT {
    private static final String SECONDS = "3";
    /** C2 has compiled every sample's loop within 0.3 s of its start on an idle two-core machine. */
    private static final String WARMUP = "1.5";
    /** Less than the smallest planted object, a 24-byte Money or Position per unit of work. */
    private static final double PLANTED_MIN_BYTES = 16;
    /** A twin's steady state: below this share of its planted sibling's bytes per unit. */
    private static final double TWIN_MAX_SHARE = 0.01;
    /** A decoy's steady state: less than a byte per unit of work, where the interpreter allocates 16 or more. */
    private static final double DECOY_MAX_BYTES = 1;
    private static final Pattern STEADY = Pattern.compile(
            "(?m)^heapwise-sample-steady: name=\\S+ seconds=\\S+ allocatedBytes=\\d+ work=(\\d+) bytesPerWork=(\\S+)$");

    static List<Planted> planted() {
        return EscapeSamples.planted();
    }

    static List<Decoy> decoys() {
        return EscapeSamples.decoys();
    }

    @ParameterizedTest
    @MethodSource("planted")
    void plantedAllocatesPerUnitOfWorkAndItsTwinDoesNot(Planted sample) throws Exception {
        double planted = steadyBytesPerWork(sample.mainClass());
        double twin = steadyBytesPerWork(sample.twinClass());

        assertThat(planted).as("%s bytes per unit after warm-up", sample.mainClass().getSimpleName())
                .isGreaterThanOrEqualTo(PLANTED_MIN_BYTES);
        assertThat(twin).as("%s bytes per unit after warm-up (planted: %.3f)", sample.twinClass().getSimpleName(),
                planted).isLessThan(TWIN_MAX_SHARE * planted);
    }

    @ParameterizedTest
    @MethodSource("decoys")
    void decoyAllocatesNothingAfterWarmUp(Decoy decoy) throws Exception {
        assertThat(steadyBytesPerWork(decoy.mainClass())).as("%s bytes per unit after warm-up",
                decoy.mainClass().getSimpleName()).isLessThan(DECOY_MAX_BYTES);
    }

    private static double steadyBytesPerWork(Class<?> program) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("heapwise.test.javaHome", System.getProperty("java.home")), "bin",
                "java");
        Path jar = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target",
                "heapwise-samples.jar");
        Path output = Files.createTempFile("escape-sample-", ".out");
        try {
            Process process = new ProcessBuilder(java.toString(), "-cp", jar.toString(), program.getName(),
                    "--seconds", SECONDS, "--warmup", WARMUP)
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", program.getSimpleName()).isTrue();
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(printed).isZero();
            Matcher steady = STEADY.matcher(printed);
            assertThat(steady.find()).as("steady-state line in:%n%s", printed).isTrue();
            assertThat(Long.parseLong(steady.group(1))).isPositive();
            return Double.parseDouble(steady.group(2));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
