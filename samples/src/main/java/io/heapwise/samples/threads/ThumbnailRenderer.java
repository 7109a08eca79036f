// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.threads;

import io.heapwise.samples.SampleRun;

/**
 * A thumbnail service that renders a photo's tiles in parallel, {@value #BATCH} tiles at a time. Planted: it starts a
 * new platform thread for every tile and joins them all, so it creates and destroys thousands of threads per second,
 * each for well under a millisecond of work. Twin: {@link PooledThumbnailRenderer}, which hands the same tasks to a
 * fixed pool of threads.
 *
 * <p>Multi-threaded by nature: the {@code allocatedBytes} it reports covers the main thread only (the one that creates
 * the threads); the renderers themselves allocate nothing. A thread's stack is not Java heap, so most of what thread
 * churn costs does not show up as allocated bytes at all.
 */
public final class ThumbnailRenderer {
    /** Tiles rendered concurrently, one thread each. */
    static final int BATCH = 8;

    private final PhotoLibrary library;
    private final Thread[] workers = new Thread[BATCH];
    private int nextTile;

    ThumbnailRenderer(PhotoLibrary library) {
        this.library = library;
    }

    public static void main(String[] args) throws InterruptedException {
        SampleRun run = SampleRun.of(ThumbnailRenderer.class, args);
        ThumbnailRenderer renderer = new ThumbnailRenderer(new PhotoLibrary());
        long tiles = 0;
        long checksum = 0;
        run.begin();
        do {
            checksum = 31 * checksum + renderer.renderBatch();
            tiles += BATCH;
        } while (run.keepGoing());
        run.end("rendered %,d thumbnails", tiles, checksum);
    }

    /** Renders the next {@value #BATCH} tiles, each on a thread of its own; returns a digest of their thumbnails. */
    long renderBatch() throws InterruptedException {
        int firstTile = nextTile;
        for (int i = 0; i < BATCH; i++) {
            int tile = nextTile;
            nextTile = (nextTile + 1) % PhotoLibrary.TILES;
            // Created and started in one statement, so that the allocation samples of the Thread and the stack trace
            // of its jdk.ThreadStart event name the same line.
            (workers[i] = new Thread(() -> library.renderTile(tile), "tile-" + tile)).start(); // planted: THREAD_CHURN
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return library.digest(firstTile, BATCH);
    }
}
