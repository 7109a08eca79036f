// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Calls the service's endpoints in-process and checks their answers, and runs the load generator briefly. */
class CatalogEndpointsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern PRICE = Pattern.compile("\"priceCents\":(\\d+)");

    private static CatalogService service;
    private static HttpClient client;
    private static LoadPlan plan;

    @BeforeAll
    static void startService() throws IOException {
        service = CatalogService.start(0, 2);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).proxy(HttpClient.Builder.NO_PROXY)
                .build();
        plan = new LoadPlan(uri(service.address().getPort(), "/"), TIMEOUT);
    }

    @AfterAll
    static void stopService() throws InterruptedException {
        service.stop();
    }

    /** Requests enough for every page size of every category, and every import batch. */
    static LongStream planned() {
        long productRounds = (long) Category.values().length * LoadPlan.PAGE_LIMITS.length;
        return LongStream.range(0, Endpoint.values().length * Math.max(productRounds, LoadPlan.IMPORT_ROWS.length));
    }

    @ParameterizedTest
    @MethodSource("planned")
    void answersWhatTheLoadGeneratorExpects(long n) throws Exception {
        LoadPlan.PlannedRequest planned = plan.request(n);

        HttpResponse<String> response = client.send(planned.request(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("%s: %s", planned.description(), response.body()).isEqualTo(200);
        assertThat(planned.check().problem(response.body())).as(planned.description()).isEmpty();
    }

    @Test
    void productsAreTheCheapestOfTheirCategory() throws Exception {
        HttpResponse<String> response = get("/products?category=garden&limit=3");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).startsWith("{\"category\":\"garden\",\"total\":" + Catalog.PRODUCTS_PER_CATEGORY
                + ",\"count\":3,\"products\":[{\"sku\":\"SKU-");
        List<Integer> prices = PRICE.matcher(response.body()).results()
                .map(price -> Integer.parseInt(price.group(1))).toList();
        assertThat(prices).hasSize(3).isSorted();
        assertThat(get("/products?category=garden").body()).contains("\"count\":" + ProductSearchHandler.DEFAULT_LIMIT);
    }

    @Test
    void importsEveryRowAndCountsUnknownSkus() throws Exception {
        String csv = InventoryImportHandler.HEADER
                + "\r\nSKU-000001,WH-1,5\r\nSKU-999999,WH-2,7\r\n\r\nSKU-000002,WH-3,11";

        HttpResponse<String> response = post("/import", csv.getBytes(StandardCharsets.US_ASCII));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"rows\":2,\"units\":16,\"unknownSkus\":1}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SKU-1,WH-1", "SKU-1,,3", "SKU-X,WH-1,3", "sku-1,WH-1,3", "SKU-1,WH-1,-3",
        "SKU-1,WH-1,100001", "SKU-1,WH-1,3,4"})
    void rejectsMalformedImportRows(String row) throws Exception {
        byte[] csv = ("SKU-000001,WH-1,1\n" + row + "\n").getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> response = post("/import", csv);

        assertThat(response.statusCode()).as(row).isEqualTo(400);
        assertThat(response.body()).startsWith("line 2: ");
    }

    @Test
    void rejectsAnImportOverTheLimit() throws Exception {
        byte[] body = new byte[InventoryImportHandler.MAX_BODY_BYTES + 1];

        assertThat(post("/import", body).statusCode()).isEqualTo(413);
    }

    @Test
    void statsSummarizeTheAnsweredRequests() throws Exception {
        long answeredBefore = service.metrics().answered();
        get("/products?category=toys&limit=1");
        // The service counts a request once its response is out, a moment after the client may have read it.
        awaitAnswered(answeredBefore + 1);

        HttpResponse<String> response = get("/stats?window=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"window\":1,\"overall\":{\"requests\":" + (answeredBefore + 1)
                + ",\"samples\":1,\"p50Micros\":");
        assertThat(response.body()).contains("{\"name\":\"products\",\"latency\":{\"requests\":");
        assertThat(get("/stats?window=0").statusCode()).isEqualTo(400);
        assertThat(get("/stats?window=" + (LatencyHistory.CAPACITY + 1)).statusCode()).isEqualTo(400);
    }

    @Test
    void answersClientErrorsWithoutCountingThem() throws Exception {
        long answered = service.metrics().answered();
        long failures = service.metrics().failures();

        assertThat(get("/products?category=socks").statusCode()).isEqualTo(400);
        assertThat(get("/products?category=toys&limit=0").statusCode()).isEqualTo(400);
        assertThat(get("/products?category=toys&limit=many").statusCode()).isEqualTo(400);
        assertThat(get("/productsX?category=toys").statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = post("/products", new byte[0]);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("GET");

        assertThat(service.metrics().answered()).isEqualTo(answered);
        assertThat(service.metrics().failures()).isEqualTo(failures);
    }

    @Test
    void aFailingHandlerAnswers500AndCountsAnError() throws Exception {
        ServiceMetrics metrics = new ServiceMetrics();
        CatalogEndpoint failing = new CatalogEndpoint(Endpoint.STATS, metrics) {
            @Override
            Response respond(HttpExchange exchange) {
                throw new IllegalStateException("planted failure for the test");
            }
        };
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(Endpoint.STATS.path, failing);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        server.setExecutor(executor);
        server.start();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(uri(server.getAddress().getPort(), "/stats")).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(metrics.failures()).isEqualTo(1);
            assertThat(metrics.answered()).isZero();
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("planted failure for the test");
        } finally {
            System.setErr(originalErr);
            server.stop(0);
            executor.shutdown();
        }
    }

    @Test
    void loadGeneratorReportsAFaultlessRun() throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        boolean faultless = new LoadGenerator(service.address().getPort(), 2, 100)
                .run(1, new PrintStream(report, true, StandardCharsets.UTF_8));

        String output = report.toString(StandardCharsets.UTF_8);
        assertThat(faultless).as(output).isTrue();
        assertThat(output).matches("heapwise-load: sent=(\\d+) ok=\\1 errors=0 lost=0 p50ms=\\d+\\.\\d"
                + " p99ms=\\d+\\.\\d maxms=\\d+\\.\\d\\R");
    }

    @Test
    void loadGeneratorReportsFailuresAndTheFirstFewOfThem() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        boolean faultless = new LoadGenerator(closedPort, 2, 50).run(1, new PrintStream(report, true,
                StandardCharsets.UTF_8));

        List<String> lines = report.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(faultless).isFalse();
        assertThat(lines.get(0)).matches("heapwise-load: sent=(\\d+) ok=0 errors=\\1 lost=0 .*");
        assertThat(lines.subList(1, lines.size())).hasSize(LoadTally.DESCRIBED_FAILURES)
                .allMatch(line -> line.startsWith("heapwise-load-error: "));
    }

    private static void awaitAnswered(long requests) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (service.metrics().answered() < requests && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(service.address().getPort(), pathAndQuery))
                .timeout(TIMEOUT).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(service.address().getPort(), path)).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String pathAndQuery) {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port + pathAndQuery);
    }
}
