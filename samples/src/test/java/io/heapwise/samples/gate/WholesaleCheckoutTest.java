// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures each variant's exact bytes per request on this thread, for a fixed number of requests after a warm-up, and
 * checks the ratios a CI gate is tested against. Measured on JDK 17 (G1, compressed oops), bytes per request:
 * baseline 10,195, regression 17,127 (1.68x), small-change 10,687 (1.048x), new-finding 13,041 (1.28x).
 */
class WholesaleCheckoutTest {
    /**
     * 6,400 requests, so that class loading and the first look-ups are over and the JIT has compiled the request path,
     * whose escape analysis could change what is allocated. Measured alone on JDK 17 and 25, every batch after the
     * first allocated the same bytes, and C2 was done with the path after about 125 batches; the other variants then
     * run on code that is already compiled.
     */
    private static final int WARM_UP_BATCHES = 100;
    /** 4,096 requests: 64 passes over the feed, so each measured request is as large as the average. */
    private static final int MEASURED_BATCHES = 64;

    // The com.sun.management variant is the one with per-thread allocation counters.
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final Map<Variant, Double> BYTES_PER_REQUEST = new EnumMap<>(Variant.class);

    @BeforeAll
    static void measureEveryVariant() {
        for (Variant variant : Variant.values()) {
            BYTES_PER_REQUEST.put(variant, bytesPerRequest(new WholesaleCheckout(variant)));
        }
    }

    @Test
    void regressionAddsAQuarterOrMore() {
        assertThat(ratio(Variant.REGRESSION)).as(measured()).isGreaterThanOrEqualTo(1.25);
    }

    @Test
    void smallChangeStaysWellUnderATenPercentGate() {
        assertThat(ratio(Variant.SMALL_CHANGE)).as(measured()).isBetween(1.03, 1.07);
    }

    @Test
    void newFindingGrowsItsListOnEveryRequest() {
        assertThat(ratio(Variant.NEW_FINDING)).as(measured()).isGreaterThan(1.2);
    }

    @Test
    void bytesPerRequestDoNotDriftOnceWarm() {
        WholesaleCheckout checkout = new WholesaleCheckout(Variant.BASELINE);
        double first = bytesPerRequest(checkout);
        double second = bytesPerRequest(checkout);

        assertThat(second).isCloseTo(first, Percentage.withPercentage(1));
        assertThat(second).isCloseTo(BYTES_PER_REQUEST.get(Variant.BASELINE),
                Percentage.withPercentage(1));
    }

    @Test
    void eachVariantFileHasOnlyItsOwnMarker() throws IOException {
        Map<String, List<String>> markers = Map.of(
                "CopyingResponseLog.java", List.of("// planted: REGRESSION"),
                "GrowingLineResolver.java",
                List.of("// planted-constructor: UNSIZED_COLLECTION", "// planted: UNSIZED_COLLECTION"));
        try (var files = Files.list(sources())) {
            for (Path file : files.toList()) {
                List<String> lines = Files.readAllLines(file);
                List<String> found = lines.stream().filter(line -> line.contains("// planted"))
                        .map(line -> line.substring(line.indexOf("// planted"))).toList();
                assertThat(found).as(file.getFileName().toString())
                        .isEqualTo(markers.getOrDefault(file.getFileName().toString(), List.of()));
            }
        }
        // The growth line must come after the constructor line, in the same method, for the detector to connect them.
        List<String> growing = Files.readAllLines(sources().resolve("GrowingLineResolver.java"));
        int constructor = IntStream.range(0, growing.size())
                .filter(i -> growing.get(i).endsWith("new ArrayList<>(); // planted-constructor: UNSIZED_COLLECTION"))
                .findFirst().orElseThrow();
        int growth = IntStream.range(0, growing.size())
                .filter(i -> growing.get(i).endsWith(".add(priceList.product(sku)); // planted: UNSIZED_COLLECTION"))
                .findFirst().orElseThrow();
        assertThat(growth).isEqualTo(constructor + 2);
    }

    private static double bytesPerRequest(WholesaleCheckout checkout) {
        long checksum = 0;
        for (int i = 0; i < WARM_UP_BATCHES; i++) {
            checksum += checkout.handleBatch();
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MEASURED_BATCHES; i++) {
            checksum += checkout.handleBatch();
        }
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertThat(checksum).isNotZero();
        return (double) bytes / (MEASURED_BATCHES * WholesaleCheckout.BATCH);
    }

    private static double ratio(Variant variant) {
        return BYTES_PER_REQUEST.get(variant) / BYTES_PER_REQUEST.get(Variant.BASELINE);
    }

    private static String measured() {
        return "bytes per request " + BYTES_PER_REQUEST;
    }

    private static Path sources() {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return moduleDir.resolve("src/main/java").resolve(WholesaleCheckout.class.getPackageName().replace('.', '/'));
    }
}
