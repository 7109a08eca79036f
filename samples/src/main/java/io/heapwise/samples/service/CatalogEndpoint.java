// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What every endpoint of the catalogue service shares: the method and path check, a 500 when the handler fails,
 * and counting each request as answered (with its latency) or failed. Subclasses only compute a {@link Response}.
 */
abstract class CatalogEndpoint implements HttpHandler {
    /** Failures written to stderr; later ones are only counted, so that a broken handler cannot flood the log. */
    private static final int LOGGED_FAILURES = 5;

    private final Endpoint endpoint;
    private final ServiceMetrics metrics;

    /** A response to send: status, content type and the whole body. */
    record Response(int status, String contentType, byte[] body) {
        static Response json(String json) {
            return new Response(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        static Response text(int status, String text) {
            return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    CatalogEndpoint(Endpoint endpoint, ServiceMetrics metrics) {
        this.endpoint = endpoint;
        this.metrics = metrics;
    }

    @Override
    public final void handle(HttpExchange exchange) {
        long startNanos = System.nanoTime();
        try {
            Response response = dispatch(exchange);
            send(exchange, response);
            if (response.status() / 100 == 2) {
                metrics.answered(endpoint, System.nanoTime() - startNanos);
            }
        } catch (Exception e) {
            fail(exchange, e);
        } finally {
            exchange.close();
        }
    }

    /** Computes the response to a request for this endpoint's method and path. */
    abstract Response respond(HttpExchange exchange) throws BadRequest, IOException;

    /** A request the endpoint cannot answer as asked: the client gets 400 and the message. It is not a failure. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    private Response dispatch(HttpExchange exchange) throws IOException {
        // A context matches every path that starts with its own ("/products" also gets "/productsX").
        if (!exchange.getRequestURI().getPath().equals(endpoint.path)) {
            return Response.text(404, "no such resource\n");
        }
        if (!exchange.getRequestMethod().equals(endpoint.method)) {
            exchange.getResponseHeaders().set("Allow", endpoint.method);
            return Response.text(405, endpoint.path + " accepts " + endpoint.method + " only\n");
        }
        try {
            return respond(exchange);
        } catch (BadRequest e) {
            return Response.text(400, e.getMessage() + "\n");
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(response.body());
        }
    }

    private void fail(HttpExchange exchange, Exception failure) {
        if (metrics.failed() <= LOGGED_FAILURES) {
            System.err.println("catalog-service: " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + " failed:");
            failure.printStackTrace();
        }
        // Once the status line has gone out, the client can only notice the failure as a cut-short body.
        if (exchange.getResponseCode() == -1) {
            try {
                send(exchange, Response.text(500, "internal error\n"));
            } catch (IOException e) {
                // The client is gone as well: there is no one left to tell.
            }
        }
    }

    /** The decoded query parameters of the request; a parameter given twice keeps its last value. */
    static Map<String, String> queryParameters(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /** An integer query parameter in [min, max], or {@code defaultValue} if it is absent. */
    static int intParameter(Map<String, String> parameters, String name, int defaultValue, int min, int max)
            throws BadRequest {
        String value = parameters.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw new BadRequest(name + " must be a whole number from " + min + " to " + max + ", got: " + value);
    }
}
