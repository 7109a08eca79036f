// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.gate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which build of the order desk runs: the good one, or one of three changes a CI gate has to judge. */
public enum Variant {
    /** Presized collections, one exact-size response array per order: the code as it should be. */
    BASELINE("baseline"),
    /** The response log keeps a defensive copy of every response: one site, about two thirds more bytes. */
    REGRESSION("regression"),
    /** Every invoice ends with the payment terms: about 5% more bytes, at a site that is already large. */
    SMALL_CHANGE("small-change"),
    /** The order's products are collected in a default-capacity list that grows to hundreds of entries. */
    NEW_FINDING("new-finding");

    private final String id;

    Variant(String id) {
        this.id = id;
    }

    /** The name on the command line, e.g. {@code small-change}. */
    public String id() {
        return id;
    }

    /** The variant with this command-line name; throws IllegalArgumentException naming the valid ones otherwise. */
    public static Variant of(String id) {
        for (Variant variant : values()) {
            if (variant.id.equals(id.toLowerCase(Locale.ROOT))) {
                return variant;
            }
        }
        throw new IllegalArgumentException("--variant must be one of "
                + Arrays.stream(values()).map(Variant::id).collect(Collectors.joining(", ")) + "; got: " + id);
    }
}
