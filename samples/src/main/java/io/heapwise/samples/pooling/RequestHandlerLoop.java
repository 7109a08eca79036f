// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.pooling;

import io.heapwise.samples.SampleRun;

/**
 * The request loop of a blocking HTTP worker: read a request from a keep-alive connection into an I/O buffer, parse
 * it in place, fingerprint the JSON body with CRC-32 and log the response. Planted: {@link #handle} allocates a fresh
 * 64 KiB buffer for every request, although it is dead as soon as the request is handled. Twin:
 * {@link BufferReusingRequestHandlerLoop}. Single-threaded.
 */
public final class RequestHandlerLoop {
    /** Size of the I/O buffer: large enough for the largest request on the connection. */
    static final int BUFFER_SIZE = 64 * 1024;
    /** Requests handled between two looks at the clock. */
    private static final int BATCH = 64;

    private final RequestStream connection;
    private final RequestProcessor processor = new RequestProcessor();

    RequestHandlerLoop(RequestStream connection) {
        this.connection = connection;
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(RequestHandlerLoop.class, args);
        RequestHandlerLoop handler = new RequestHandlerLoop(new RequestStream());
        long requests = 0;
        long checksum = 0;
        run.begin();
        do {
            for (int i = 0; i < BATCH; i++) {
                checksum = 31 * checksum + handler.handle();
            }
            checksum += handler.processor.closeBatch();
            requests += BATCH;
        } while (run.keepGoing());
        run.end("handled %,d requests", requests, checksum);
    }

    /** Reads and handles one request. */
    long handle() {
        byte[] buffer = new byte[BUFFER_SIZE]; // planted: POOLING_CANDIDATE
        int length = connection.read(buffer);
        return processor.process(buffer, length);
    }
}
