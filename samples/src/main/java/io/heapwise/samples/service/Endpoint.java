// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

/** The catalogue service's endpoints: the method and path of each, shared by the service and its load generator. */
enum Endpoint {
    PRODUCTS("GET", "/products"),
    IMPORT("POST", "/import"),
    STATS("GET", "/stats");

    final String method;
    final String path;

    Endpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /** The name the stats endpoint reports it under, e.g. {@code products}. */
    String statsName() {
        return path.substring(1);
    }
}
