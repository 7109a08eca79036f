// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples;

import io.heapwise.samples.boxing.MetricsRollup;
import io.heapwise.samples.boxing.PrimitiveMetricsRollup;
import io.heapwise.samples.escape.GeometryKernel;
import io.heapwise.samples.escape.ScalarGeometryKernel;
import io.heapwise.samples.largearrays.CanvasReusingImageTiler;
import io.heapwise.samples.largearrays.ImageTiler;
import io.heapwise.samples.pointers.CompactGraphWalk;
import io.heapwise.samples.pointers.GraphWalk;
import io.heapwise.samples.pooling.BufferReusingRequestHandlerLoop;
import io.heapwise.samples.pooling.RequestHandlerLoop;
import io.heapwise.samples.shortlived.LogAggregator;
import io.heapwise.samples.shortlived.ScanningLogAggregator;
import io.heapwise.samples.threads.PooledThumbnailRenderer;
import io.heapwise.samples.threads.ThumbnailRenderer;
import io.heapwise.samples.unsized.OrderBook;
import io.heapwise.samples.unsized.PresizedOrderBook;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of samples, for the CLI's {@code demo} command and the tests: every planted sample with its kind and
 * its fixed twin. Each sample's source marks the planted allocation site with a trailing {@code planted: KIND} line
 * comment, and the twin marks the corresponding line with a {@code fixed: KIND} one. The escape-analysis samples, one
 * per reason with decoys besides, are listed by {@link io.heapwise.samples.escape.EscapeSamples}; this catalogue has
 * the demo's one.
 */
public final class Samples {
    /**
     * One sample.
     *
     * @param mainClass the planted sample, a class with a {@code main(String[])} that accepts {@code --seconds S}
     * @param kind the finding kind (DESIGN.md) in its {@code planted:} marker, e.g. {@code UNSIZED_COLLECTION}
     * @param twinClass the fixed twin, with the same command line
     * @param description what the sample simulates and what is planted, in one sentence
     */
    public record Sample(Class<?> mainClass, String kind, Class<?> twinClass, String description) {
        /** True if the sample starts threads of its own, so its {@code allocatedBytes} covers only the main thread. */
        public boolean multiThreaded() {
            return kind.equals("THREAD_CHURN");
        }

        /** The planted sample's simple class name, also its {@code name=} in the {@code heapwise-sample:} line. */
        public String name() {
            return mainClass.getSimpleName();
        }

        /** The path of a sample class's source file relative to {@code src/main/java}, e.g. for finding its markers. */
        public static String sourcePath(Class<?> sampleClass) {
            return sampleClass.getName().replace('.', '/') + ".java";
        }
    }

    private static final List<Sample> ALL = List.of(
            new Sample(OrderBook.class, "UNSIZED_COLLECTION", PresizedOrderBook.class,
                    "A matching engine whose fills list starts at default capacity and grows for every order."),
            new Sample(RequestHandlerLoop.class, "POOLING_CANDIDATE", BufferReusingRequestHandlerLoop.class,
                    "A blocking HTTP worker that allocates a fresh 64 KiB I/O buffer for every request."),
            new Sample(LogAggregator.class, "HOT_SHORT_LIVED", ScanningLogAggregator.class,
                    "A log aggregator that String.split()s every access-log line into throwaway substrings."),
            new Sample(GraphWalk.class, "POINTER_HEAVY_CLASS", CompactGraphWalk.class,
                    "A delivery router that rebuilds its road graph as linked Road objects on every traffic tick."),
            new Sample(MetricsRollup.class, "BOXING", PrimitiveMetricsRollup.class,
                    "A metrics rollup that keeps running latency totals in a Map<String, Long>, boxing every update."),
            new Sample(ThumbnailRenderer.class, "THREAD_CHURN", PooledThumbnailRenderer.class,
                    "A thumbnail service that starts a new platform thread for every tile it renders."),
            new Sample(ImageTiler.class, "LARGE_ARRAY", CanvasReusingImageTiler.class,
                    "A map tile server that renders every tile into a fresh 4 MiB int[] canvas."),
            new Sample(GeometryKernel.class, "ESCAPE_CANDIDATE", ScalarGeometryKernel.class,
                    "A particle collision kernel whose short-lived Vec2 offsets escape into a megamorphic call."));

    private Samples() {
    }

    /** All samples, in a stable order. */
    public static List<Sample> all() {
        return ALL;
    }

    /** The sample whose planted class has this simple or fully qualified name (case-insensitive), if any. */
    public static Optional<Sample> byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(s -> s.mainClass().getSimpleName().toLowerCase(Locale.ROOT).equals(wanted)
                        || s.mainClass().getName().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
