// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.pooling;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The request handling shared by both handler loops: parses the request line and headers in place in the I/O buffer,
 * checks the body against its {@code Content-Length}, fingerprints it with CRC-32 and appends an entry to the access
 * log, a ring of parallel arrays. Handling a request allocates nothing; each batch publishes a small
 * {@link BatchStats} for the status page.
 */
final class RequestProcessor {
    /** Entries kept in the in-memory access log (a ring, as a status page would show). A power of two. */
    static final int ACCESS_LOG_SIZE = 1024;
    /** Batch statistics kept for the status page. A power of two. */
    static final int STATS_HISTORY = 64;
    private static final byte[] CONTENT_LENGTH = "Content-Length:".getBytes(StandardCharsets.US_ASCII);

    private final CRC32 crc = new CRC32();
    // The access log: response status, a hash of the request path, the body length and its CRC-32, per request.
    private final int[] loggedStatus = new int[ACCESS_LOG_SIZE];
    private final int[] loggedPathHash = new int[ACCESS_LOG_SIZE];
    private final int[] loggedBodyLength = new int[ACCESS_LOG_SIZE];
    private final long[] loggedBodyCrc = new long[ACCESS_LOG_SIZE];
    private final BatchStats[] stats = new BatchStats[STATS_HISTORY];
    private long handled;
    private long batches;
    private long batchBodyBytes;
    private int batchErrors;

    /** What the status page shows per batch of requests: requests handled so far, body bytes and errors in the batch. */
    record BatchStats(long handledRequests, long bodyBytes, int errors) {
    }

    /** Handles the request held in {@code buffer[0, length)} and returns a fingerprint of the response. */
    long process(byte[] buffer, int length) {
        int space = indexOf(buffer, 0, length, (byte) ' ');
        int pathEnd = indexOf(buffer, space + 1, length, (byte) ' ');
        int pathHash = 1;
        for (int i = space + 1; i < pathEnd; i++) {
            pathHash = 31 * pathHash + buffer[i];
        }
        int contentLength = -1;
        int line = indexOf(buffer, pathEnd, length, (byte) '\n') + 1;
        while (line < length && buffer[line] != '\r') {
            int lineEnd = indexOf(buffer, line, length, (byte) '\n');
            if (startsWith(buffer, line, CONTENT_LENGTH)) {
                contentLength = parseDecimal(buffer, line + CONTENT_LENGTH.length, lineEnd);
            }
            line = lineEnd + 1;
        }
        int bodyStart = line + 2;
        int bodyLength = length - bodyStart;
        int status = contentLength == bodyLength ? 200 : 400;
        crc.reset();
        crc.update(buffer, bodyStart, bodyLength);
        long bodyCrc = crc.getValue();
        int slot = (int) (handled++ & (ACCESS_LOG_SIZE - 1));
        loggedStatus[slot] = status;
        loggedPathHash[slot] = pathHash;
        loggedBodyLength[slot] = bodyLength;
        loggedBodyCrc[slot] = bodyCrc;
        batchBodyBytes += bodyLength;
        batchErrors += status == 200 ? 0 : 1;
        return bodyCrc * 31 + pathHash + status;
    }

    /** Publishes the statistics of the requests handled since the previous call; returns the number of errors. */
    int closeBatch() {
        BatchStats batch = new BatchStats(handled, batchBodyBytes, batchErrors);
        stats[(int) (batches++ & (STATS_HISTORY - 1))] = batch;
        batchBodyBytes = 0;
        batchErrors = 0;
        return batch.errors();
    }

    private static int indexOf(byte[] buffer, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    private static boolean startsWith(byte[] buffer, int at, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (buffer[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int parseDecimal(byte[] buffer, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            byte b = buffer[i];
            if (b >= '0' && b <= '9') {
                value = value * 10 + (b - '0');
            }
        }
        return value;
    }
}
