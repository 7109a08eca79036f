// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded load for {@link CatalogService} on the loopback address: {@code --concurrency} client threads send
 * requests that rotate over the endpoints ({@link LoadPlan}) for {@code --seconds}, at most {@code --rate} per second
 * together (0: no cap), and check every response. Then it prints
 * {@code heapwise-load: sent=N ok=N errors=N lost=N p50ms=X p99ms=Y maxms=Z} and up to five
 * {@code heapwise-load-error:} lines, and exits 0 only if every request was answered as expected.
 *
 * <p>Errors are responses with the wrong status or body, and requests that failed with an exception, including no
 * response within {@value #REQUEST_TIMEOUT_SECONDS} s; lost requests are those still unanswered when the run ends.
 * The timeout is long because attaching an agent pauses the service for a moment, which must not count. The run ends
 * at most {@value #REQUEST_TIMEOUT_SECONDS} s + {@value #SHUTDOWN_SLACK_SECONDS} s after {@code --seconds}.
 */
public final class LoadGenerator {
    static final int DEFAULT_SECONDS = 10;
    static final int DEFAULT_CONCURRENCY = 4;
    static final int DEFAULT_RATE = 200;
    static final int REQUEST_TIMEOUT_SECONDS = 30;
    /** Time past the last request's timeout for the client threads to hand in their results. */
    static final int SHUTDOWN_SLACK_SECONDS = 2;
    private static final String USAGE =
            "usage: LoadGenerator --port N [--seconds S] [--concurrency C] [--rate R (requests/s, 0: no cap)]";

    private final HttpClient client;
    private final LoadPlan plan;
    private final int concurrency;
    private final int rate;
    private final AtomicLong sequence = new AtomicLong();
    private final LoadTally tally = new LoadTally();

    LoadGenerator(int port, int concurrency, int rate) {
        Duration timeout = Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
        this.plan = new LoadPlan(loopbackUri(port), timeout);
        this.concurrency = concurrency;
        this.rate = rate;
    }

    public static void main(String[] args) throws InterruptedException {
        LoadGenerator generator;
        int seconds;
        try {
            Flags flags = Flags.parse(args, Set.of("port", "seconds", "concurrency", "rate"));
            if (!flags.has("port")) {
                throw new IllegalArgumentException("--port is required");
            }
            seconds = flags.intValue("seconds", DEFAULT_SECONDS, 0, 24 * 3600);
            generator = new LoadGenerator(flags.intValue("port", 0, 1, 65_535),
                    flags.intValue("concurrency", DEFAULT_CONCURRENCY, 1, 256),
                    flags.intValue("rate", DEFAULT_RATE, 0, 1_000_000));
        } catch (IllegalArgumentException e) {
            // --host is rejected as any unknown option: the generator only ever talks to the loopback address.
            System.err.println("LoadGenerator: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.exit(generator.run(seconds, System.out) ? 0 : 1);
    }

    /** Runs the load for {@code seconds}, prints the report to {@code out}; true if every request was answered well. */
    boolean run(int seconds, PrintStream out) throws InterruptedException {
        long startNanos = System.nanoTime();
        long endNanos = startNanos + TimeUnit.SECONDS.toNanos(seconds);
        // 0 means no cap; otherwise each thread sends every concurrency/rate seconds, the threads evenly offset.
        long intervalNanos = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(concurrency) / rate;
        Thread[] clients = new Thread[concurrency];
        for (int i = 0; i < concurrency; i++) {
            long firstSendNanos = startNanos + intervalNanos * i / concurrency;
            clients[i] = new Thread(() -> sendUntil(firstSendNanos, intervalNanos, endNanos), "load-client-" + (i + 1));
            // Daemon, so that a client stuck past the deadline cannot keep the JVM alive; its request counts as lost.
            clients[i].setDaemon(true);
            clients[i].start();
        }
        long deadlineNanos = endNanos + TimeUnit.SECONDS.toNanos(REQUEST_TIMEOUT_SECONDS + SHUTDOWN_SLACK_SECONDS);
        for (Thread client : clients) {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (remainingMillis > 0) {
                client.join(remainingMillis);
            }
        }
        tally.report().forEach(out::println);
        out.flush();
        return tally.allAnsweredAsExpected();
    }

    private void sendUntil(long firstSendNanos, long intervalNanos, long endNanos) {
        long nextSendNanos = firstSendNanos;
        while (nextSendNanos - endNanos < 0 && !Thread.currentThread().isInterrupted()) {
            long waitNanos = nextSendNanos - System.nanoTime();
            if (waitNanos > 0) {
                LockSupport.parkNanos(waitNanos);
                continue;
            }
            sendOne(plan.request(sequence.getAndIncrement()));
            // A thread that fell behind (the service paused) starts a new schedule rather than catching up in a burst.
            nextSendNanos = Math.max(nextSendNanos + intervalNanos, System.nanoTime());
        }
    }

    private void sendOne(LoadPlan.PlannedRequest planned) {
        tally.sent();
        long startNanos = System.nanoTime();
        CompletableFuture<HttpResponse<String>> pending =
                client.sendAsync(planned.request(), HttpResponse.BodyHandlers.ofString());
        try {
            // The request's own timeout covers the wait for the headers only; this one covers the body too.
            HttpResponse<String> response = pending.get(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long latencyNanos = System.nanoTime() - startNanos;
            Optional<String> problem = response.statusCode() == 200 ? planned.check().problem(response.body())
                    : Optional.of("status " + response.statusCode() + ": " + response.body().strip());
            if (problem.isEmpty()) {
                tally.ok(latencyNanos);
            } else {
                tally.error(planned.description() + ": " + problem.get());
            }
        } catch (TimeoutException e) {
            pending.cancel(true);
            tally.error(planned.description() + ": no response within " + REQUEST_TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            tally.error(planned.description() + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tally.error(planned.description() + ": interrupted");
        }
    }

    private static URI loopbackUri(int port) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        String host = loopback instanceof Inet6Address ? "[" + loopback.getHostAddress() + "]"
                : loopback.getHostAddress();
        return URI.create("http://" + host + ":" + port + "/");
    }
}
