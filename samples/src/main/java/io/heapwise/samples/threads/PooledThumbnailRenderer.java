// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.threads;

import io.heapwise.samples.SampleRun;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixed twin of {@link ThumbnailRenderer}: the same tiles in the same batches, but rendered by a fixed pool of
 * threads created once, so no thread is started in the steady state.
 *
 * <p>As in the planted sample, {@code allocatedBytes} covers the main thread only. The pool's task bookkeeping (queue
 * nodes, a latch per batch) is heap allocation that the planted sample does not have, so this twin is not expected to
 * allocate fewer bytes; what it saves is thread creation, which is not heap.
 */
public final class PooledThumbnailRenderer {
    private final PhotoLibrary library;
    private final ExecutorService pool;
    private int nextTile;

    PooledThumbnailRenderer(PhotoLibrary library, ExecutorService pool) {
        this.library = library;
        this.pool = pool;
    }

    public static void main(String[] args) throws InterruptedException {
        SampleRun run = SampleRun.of(PooledThumbnailRenderer.class, args);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(ThumbnailRenderer.BATCH, task -> {
            Thread thread = new Thread(task, "thumbnail-pool-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            PooledThumbnailRenderer renderer = new PooledThumbnailRenderer(new PhotoLibrary(), pool);
            long tiles = 0;
            long checksum = 0;
            run.begin();
            do {
                checksum = 31 * checksum + renderer.renderBatch();
                tiles += ThumbnailRenderer.BATCH;
            } while (run.keepGoing());
            run.end("rendered %,d thumbnails", tiles, checksum);
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Renders the next batch of tiles on the pool and returns a digest of their thumbnails. */
    long renderBatch() throws InterruptedException {
        int firstTile = nextTile;
        CountDownLatch rendered = new CountDownLatch(ThumbnailRenderer.BATCH);
        for (int i = 0; i < ThumbnailRenderer.BATCH; i++) {
            int tile = nextTile;
            nextTile = (nextTile + 1) % PhotoLibrary.TILES;
            pool.execute(() -> { // fixed: THREAD_CHURN
                library.renderTile(tile);
                rendered.countDown();
            });
        }
        rendered.await();
        return library.digest(firstTile, ThumbnailRenderer.BATCH);
    }
}
