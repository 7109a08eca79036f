// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.pooling;

import io.heapwise.samples.SampleRun;

/**
 * The fixed twin of {@link RequestHandlerLoop}: the same blocking HTTP worker, but it allocates its 64 KiB I/O buffer
 * once and reuses it for every request on the connection (one buffer per worker thread needs no pool and no locking).
 */
public final class BufferReusingRequestHandlerLoop {
    /** Requests handled between two looks at the clock. */
    private static final int BATCH = 64;

    private final RequestStream connection;
    private final RequestProcessor processor = new RequestProcessor();
    /** This worker's I/O buffer; each request overwrites the previous one, and only its first bytes count. */
    private final byte[] ioBuffer = new byte[RequestHandlerLoop.BUFFER_SIZE];

    BufferReusingRequestHandlerLoop(RequestStream connection) {
        this.connection = connection;
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(BufferReusingRequestHandlerLoop.class, args);
        BufferReusingRequestHandlerLoop handler = new BufferReusingRequestHandlerLoop(new RequestStream());
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
        byte[] buffer = ioBuffer; // fixed: POOLING_CANDIDATE
        int length = connection.read(buffer);
        return processor.process(buffer, length);
    }
}
