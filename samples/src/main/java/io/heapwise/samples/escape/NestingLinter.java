// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import io.heapwise.samples.SampleRun;

/**
 * A JSON linter rule that reports where a document nests deepest, at the line and column an editor shows. Planted:
 * the scanner keeps its position as an immutable {@link Position} and makes the next one for every character,
 * on one of two paths (a new line or the next column). The two new positions meet at a merge point, and the merged
 * value is carried around the loop to the next character: C2's escape analysis does not scalar-replace an
 * allocation that reaches such a merge (a phi), so every character allocates one position on the heap, although
 * none leaves the method. JDK 22 and later can split some merges (ReduceAllocationMerges), but not one that is
 * carried around a loop: it allocates on JDK 17 and 25 alike. Twin: {@link PrimitiveNestingLinter}, which keeps the
 * line and the column in two {@code int}s and makes the one position it reports at the end.
 */
public final class NestingLinter {
    private final JsonDocuments documents;

    NestingLinter(JsonDocuments documents) {
        this.documents = documents;
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(NestingLinter.class, args);
        NestingLinter linter = new NestingLinter(new JsonDocuments());
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
        Position at = Position.START;
        int deepestLine = at.line();
        int deepestColumn = at.column();
        int depth = 0;
        int maxDepth = 0;
        for (byte c : json) {
            if (c == '{' || c == '[') {
                if (++depth > maxDepth) {
                    maxDepth = depth;
                    deepestLine = at.line();
                    deepestColumn = at.column();
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
            // Either path makes a new position; they merge here and again at the top of the loop. None of them
            // leaves the method: the result is made once, below, from two ints.
            int row = at.line();
            at = c == '\n' ? new Position(row + 1, 1) : new Position(row, at.column() + 1); // planted: ESCAPE_CANDIDATE
        }
        return new Position(deepestLine, deepestColumn);
    }
}
