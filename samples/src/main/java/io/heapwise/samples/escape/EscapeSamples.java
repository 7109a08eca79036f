// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import java.util.List;

/**
 * The catalogue of the escape-analysis samples, for tests and {@code bench/escape-samples.sh}: one planted sample per
 * reason C2 leaves an object that does not escape its method on the heap, each with its fixed twin, and decoys that C2
 * does scalar-replace. {@link io.heapwise.samples.Samples} lists only {@link GeometryKernel}, the demo's one sample of
 * the kind. Every planted class marks its allocation line {@code // planted: ESCAPE_CANDIDATE}, its twin the
 * corresponding line {@code // fixed: ESCAPE_CANDIDATE}, and every decoy its allocation line
 * {@code // decoy: ESCAPE_CANDIDATE}. Each program counts its work, so {@code --warmup W} gives its steady-state bytes
 * per unit of work ({@link io.heapwise.samples.SampleRun}). Run {@code main} for the catalogue as tab-separated lines.
 */
public final class EscapeSamples {
    /** Why C2 does not scalar-replace the planted object. */
    public enum Reason {
        /** The object is passed to a method longer than {@code FreqInlineSize} (325 bytes of bytecode). */
        CALLEE_TOO_BIG("hot method too big"),
        /** The object is passed to a virtual call whose profile saw three or more receiver classes. */
        POLYMORPHIC_CALL(""),
        /** Two allocations meet at a merge point (a phi) that is carried around a loop. */
        MERGE_POINT(""),
        /** An array longer than {@code EliminateAllocationArraySizeLimit} (64 elements). */
        ARRAY_TOO_LONG(""),
        /** The object is passed to a recursive call deeper than C2 inlines ({@code MaxRecursiveInlineLevel}, 1). */
        RECURSION("recursive inlining is too deep");

        private final String c2Message;

        Reason(String c2Message) {
            this.c2Message = c2Message;
        }

        /**
         * The message of C2's {@code jdk.CompilerInlining} event for the call on the object's path, on JDK 17 and 25
         * alike; empty when there is no call on the path, or when C2 records no decision for it (a megamorphic call).
         */
        public String c2Message() {
            return c2Message;
        }
    }

    /**
     * A planted sample and its twin.
     *
     * @param mainClass the planted sample, with a {@code main(String[])} that accepts {@code --seconds} and
     *     {@code --warmup}
     * @param reason why C2 does not scalar-replace the planted object
     * @param twinClass the fixed twin, with the same command line and unit of work
     * @param callOnPath the call the object is passed to and C2 does not inline, as {@code Class.method}; empty when
     *     there is none
     * @param twinCall the twin's call in place of {@code callOnPath}, which it may still not inline but which no
     *     longer takes the object; empty when there is none
     * @param description what the sample does and what is planted, in one sentence
     */
    public record Planted(Class<?> mainClass, Reason reason, Class<?> twinClass, String callOnPath, String twinCall,
            String description) {
    }

    /**
     * A decoy: an object that does not escape and that C2 does scalar-replace, so it allocates only before C2 has
     * compiled its method.
     *
     * @param mainClass the decoy sample, with the same command line as the planted ones
     * @param description what the decoy does, in one sentence
     */
    public record Decoy(Class<?> mainClass, String description) {
    }

    private static final List<Planted> PLANTED = List.of(
            new Planted(VatCalculator.class, Reason.CALLEE_TOO_BIG, SplitVatCalculator.class, "VatRules.vatOn",
                    "VatRules.vatOnSplit",
                    "Invoicing passes each line's Money to a 459-byte VAT method that C2 will not inline."),
            new Planted(GeometryKernel.class, Reason.POLYMORPHIC_CALL, ScalarGeometryKernel.class,
                    "WallMaterial.impulse", "WallMaterial.impulse",
                    "A particle collision kernel whose short-lived Vec2 offsets escape into a megamorphic call."),
            new Planted(NestingLinter.class, Reason.MERGE_POINT, PrimitiveNestingLinter.class, "", "",
                    "A JSON linter that makes an immutable Position per character on one of two paths, in a loop."),
            new Planted(LevelMeter.class, Reason.ARRAY_TOO_LONG, StreamingLevelMeter.class, "", "",
                    "An audio level meter that copies each 128-sample block into a scratch double[128]."),
            new Planted(TilePrefetcher.class, Reason.RECURSION, CoordinateTilePrefetcher.class, "TilePrefetcher.visit",
                    "CoordinateTilePrefetcher.visit",
                    "A map tile prefetcher that passes a new TileKey to each recursive visit of the tile pyramid."));

    private static final List<Decoy> DECOYS = List.of(
            new Decoy(MeetingHoursDecoy.class, "A calendar report doing its arithmetic on a TimeRange record."),
            new Decoy(CartTotalDecoy.class, "A shop pricing carts with a for-each loop over an ArrayList."),
            new Decoy(StatusClassDecoy.class, "A dashboard passing HTTP statuses (200 to 599) as a boxed Integer."));

    private EscapeSamples() {
    }

    /** The planted samples, one per reason, in a stable order. */
    public static List<Planted> planted() {
        return PLANTED;
    }

    /** The decoys, in a stable order. */
    public static List<Decoy> decoys() {
        return DECOYS;
    }

    /**
     * Prints the catalogue, one program a line: role ({@code planted}, {@code twin}, {@code decoy}), class name,
     * reason, the call on the object's path (the twin's call in its place) and C2's message for the planted call, with
     * {@code -} for empty, separated by tabs.
     */
    public static void main(String[] args) {
        for (Planted sample : PLANTED) {
            String reason = sample.reason().name();
            String call = dashIfEmpty(sample.callOnPath());
            String message = dashIfEmpty(sample.reason().c2Message());
            System.out.println(String.join("\t", "planted", sample.mainClass().getName(), reason, call, message));
            String twinCall = dashIfEmpty(sample.twinCall());
            System.out.println(String.join("\t", "twin", sample.twinClass().getName(), reason, twinCall, "-"));
        }
        for (Decoy decoy : DECOYS) {
            System.out.println(String.join("\t", "decoy", decoy.mainClass().getName(), "-", "-", "-"));
        }
    }

    private static String dashIfEmpty(String value) {
        return value.isEmpty() ? "-" : value;
    }
}
