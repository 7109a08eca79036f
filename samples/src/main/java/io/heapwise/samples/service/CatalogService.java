// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small product-catalogue HTTP service on the JDK's {@code HttpServer}, for attaching the profiler to a live,
 * multi-threaded process. Each endpoint's handler has one planted allocation problem, marked in its source:
 * {@link ProductSearchHandler} (an unsized list), {@link InventoryImportHandler} (a fresh I/O buffer per request) and
 * {@link LatencyStatsHandler} (boxing). {@link LoadGenerator} drives it.
 *
 * <p>Usage: {@code CatalogService [--port N] [--threads N] [--seconds S]}. It listens on the loopback address only,
 * prints {@code heapwise-service: port=P pid=PID address=A} once it does, serves with a fixed pool of worker threads,
 * and on stopping (after {@code --seconds}, or on SIGTERM) prints {@code heapwise-service-stats: requests=N errors=M}.
 */
public final class CatalogService {
    static final int DEFAULT_THREADS = 4;
    /**
     * How long a stop lets the requests in flight finish, in seconds (the unit HttpServer.stop takes). Before JDK 21
     * (JDK-8304065) the stop waits this long even with nothing in flight.
     */
    private static final int STOP_GRACE_SECONDS = 1;
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final String USAGE = "usage: CatalogService [--port N] [--threads N] [--seconds S]";

    private final HttpServer server;
    private final ExecutorService workers;
    private final ServiceMetrics metrics;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private CatalogService(HttpServer server, ExecutorService workers, ServiceMetrics metrics) {
        this.server = server;
        this.workers = workers;
        this.metrics = metrics;
    }

    public static void main(String[] args) throws InterruptedException {
        int port;
        int threads;
        int seconds;
        try {
            Flags flags = Flags.parse(args, Set.of("port", "threads", "seconds"));
            port = flags.intValue("port", 0, 0, 65_535);
            threads = flags.intValue("threads", DEFAULT_THREADS, 1, 256);
            seconds = flags.intValue("seconds", 0, 0, Integer.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            System.err.println("CatalogService: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        CatalogService service;
        try {
            service = start(port, threads);
        } catch (IOException e) {
            System.err.println("CatalogService: cannot listen on port " + port + ": " + e);
            System.exit(1);
            return;
        }
        // SIGTERM (Process.destroy) runs the hook: the stats line is printed then too.
        Runtime.getRuntime().addShutdownHook(new Thread(service::stopAndReport, "catalog-shutdown"));
        InetSocketAddress address = service.address();
        System.out.println(String.format(Locale.ROOT, "heapwise-service: port=%d pid=%d address=%s",
                address.getPort(), ProcessHandle.current().pid(), address.getAddress().getHostAddress()));
        System.out.flush();
        if (seconds == 0) {
            service.stopped.await();
        } else if (!service.stopped.await(seconds, TimeUnit.SECONDS)) {
            service.stopAndReport();
        }
    }

    /** Builds the catalogue and starts serving it on the loopback address; port 0 picks a free port. */
    static CatalogService start(int port, int threads) throws IOException {
        // HttpServer writes a response's headers and its body as two segments; with Nagle's algorithm on, the body
        // waits for the client's delayed ACK of the headers, about 40 ms on Linux, for every response. Read once, by
        // the first server of the JVM; a value given on the command line wins.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
        Catalog catalog = new Catalog();
        ServiceMetrics metrics = new ServiceMetrics();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext(Endpoint.PRODUCTS.path, new ProductSearchHandler(catalog, metrics));
        server.createContext(Endpoint.IMPORT.path, new InventoryImportHandler(catalog, metrics));
        server.createContext(Endpoint.STATS.path, new LatencyStatsHandler(metrics));
        // A fixed pool on purpose: the number of threads that allocate, and that a profile shows, stays bounded.
        ExecutorService workers = Executors.newFixedThreadPool(threads, workerThreads());
        server.setExecutor(workers);
        server.start();
        return new CatalogService(server, workers, metrics);
    }

    /** The address the service listens on. */
    InetSocketAddress address() {
        return server.getAddress();
    }

    ServiceMetrics metrics() {
        return metrics;
    }

    /** Stops serving, letting requests in flight finish first; returns false if it was stopped already. */
    synchronized boolean stop() throws InterruptedException {
        if (stopped.getCount() == 0) {
            return false;
        }
        server.stop(STOP_GRACE_SECONDS);
        workers.shutdown();
        workers.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        stopped.countDown();
        return true;
    }

    /** Stops the service if it is still running, and then prints its stats line. */
    private void stopAndReport() {
        try {
            if (stop()) {
                System.out.println(metrics.statsLine());
                System.out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger created = new AtomicInteger();
        return task -> new Thread(task, "catalog-worker-" + created.incrementAndGet());
    }
}
