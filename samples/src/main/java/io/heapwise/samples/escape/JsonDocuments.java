// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Pretty-printed JSON documents of nested objects and arrays, for the nesting linter samples. Seeded. */
final class JsonDocuments {
    static final long SEED = 20261127L;
    static final int DOCUMENTS = 16;

    final byte[][] documents = new byte[DOCUMENTS][];

    JsonDocuments() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int d = 0; d < DOCUMENTS; d++) {
            StringBuilder json = new StringBuilder();
            value(json, random, 0);
            documents[d] = json.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void value(StringBuilder json, SplittableRandom random, int depth) {
        int kind = depth >= 9 ? 2 : random.nextInt(depth < 2 ? 2 : 4);
        if (kind == 0) {
            json.append("{\n");
            int fields = random.nextInt(1, 5);
            for (int f = 0; f < fields; f++) {
                json.append("  ".repeat(depth + 1)).append("\"field").append(f).append("\": ");
                value(json, random, depth + 1);
                json.append(f + 1 < fields ? ",\n" : "\n");
            }
            json.append("  ".repeat(depth)).append('}');
        } else if (kind == 1) {
            json.append('[');
            int items = random.nextInt(1, 4);
            for (int i = 0; i < items; i++) {
                value(json, random, depth + 1);
                json.append(i + 1 < items ? ", " : "");
            }
            json.append(']');
        } else {
            json.append(random.nextInt(100_000));
        }
    }
}
