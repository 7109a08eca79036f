// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import io.heapwise.samples.SampleRun;

/**
 * The fixed twin of {@link NestingLinter}: the scanner keeps the line and the column in two {@code int}s, so nothing
 * is allocated per character, and makes a {@link Position} only for the result.
 */
public final class PrimitiveNestingLinter {
    private final JsonDocuments documents;

    PrimitiveNestingLinter(JsonDocuments documents) {
        this.documents = documents;
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(PrimitiveNestingLinter.class, args);
        PrimitiveNestingLinter linter = new PrimitiveNestingLinter(new JsonDocuments());
        long scanned = 0;
        long checksum = 0;
        run.begin();
        do {
            for (byte[] document : linter.documents.documents) {
                Position deepest = linter.deepestNesting(document);
                checksum = 31 * checksum + deepest.line() * 1_000L + deepest.column();
                scanned += document.length;
            }
        } while (run.keepGoing(scanned));
        run.end("scanned %,d characters", scanned, checksum);
    }

    /** Where the document's brackets nest deepest: the first opening bracket at the greatest depth. */
    Position deepestNesting(byte[] json) {
        int line = 1;
        int column = 1;
        int deepestLine = line;
        int deepestColumn = column;
        int depth = 0;
        int maxDepth = 0;
        for (byte c : json) {
            if (c == '{' || c == '[') {
                if (++depth > maxDepth) {
                    maxDepth = depth;
                    deepestLine = line;
                    deepestColumn = column;
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
            if (c == '\n') { // fixed: ESCAPE_CANDIDATE
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(deepestLine, deepestColumn);
    }
}
