// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the catalogue service and its load generator: integer flags given as {@code --name value} or
 * {@code --name=value}, each at most once. Anything else is an {@link IllegalArgumentException} whose message is fit
 * for a usage line.
 */
final class Flags {
    private final Map<String, String> values;

    private Flags(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code args}, accepting only the flags named in {@code allowed} (without their leading dashes). */
    static Flags parse(String[] args, Set<String> allowed) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown option: --" + name);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException("--" + name + " given twice");
            }
        }
        return new Flags(values);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The flag's value, or {@code defaultValue} when it is absent; a value outside [min, max] is an error. */
    int intValue(String name, int defaultValue, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got: " + value, e);
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", got: "
                    + value);
        }
        return parsed;
    }
}
