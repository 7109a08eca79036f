// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /products?category=C&limit=N}: the cheapest {@code N} products of a category, with the category's total.
 * Planted: {@link #inCategory} collects all of the category's products (6,000) into a default-capacity
 * {@code ArrayList} just to count them and show the first page, so the list grows, copy by copy, on every request.
 */
final class ProductSearchHandler extends CatalogEndpoint {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** Characters of one rendered product, rounded up, to size the response buffer once. */
    private static final int RENDERED_PRODUCT_CHARS = 96;

    private final Catalog catalog;

    ProductSearchHandler(Catalog catalog, ServiceMetrics metrics) {
        super(Endpoint.PRODUCTS, metrics);
        this.catalog = catalog;
    }

    @Override
    Response respond(HttpExchange exchange) throws BadRequest {
        Map<String, String> parameters = queryParameters(exchange);
        Category category = Category.byId(parameters.get("category"));
        if (category == null) {
            throw new BadRequest("unknown or missing category: " + parameters.get("category"));
        }
        int limit = intParameter(parameters, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<Product> matches = inCategory(category);
        return Response.json(render(category, matches, limit));
    }

    /** The category's products, cheapest first (the catalogue is sorted by price). */
    private List<Product> inCategory(Category category) {
        List<Product> matches = new ArrayList<>(); // planted-constructor: UNSIZED_COLLECTION
        for (Product product : catalog.byPrice()) {
            if (product.category() == category) {
                matches.add(product); // planted: UNSIZED_COLLECTION
            }
        }
        return matches;
    }

    /** {@code {"category":"garden","total":6000,"count":20,"products":[{"sku":..,"name":..,"priceCents":..},..]}}. */
    private static String render(Category category, List<Product> matches, int limit) {
        int count = Math.min(limit, matches.size());
        StringBuilder json = new StringBuilder(64 + count * RENDERED_PRODUCT_CHARS);
        json.append("{\"category\":\"").append(category.id)
                .append("\",\"total\":").append(matches.size())
                .append(",\"count\":").append(count)
                .append(",\"products\":[");
        for (int i = 0; i < count; i++) {
            Product product = matches.get(i);
            json.append(i == 0 ? "{" : ",{")
                    .append("\"sku\":\"").append(product.sku())
                    .append("\",\"name\":\"").append(product.name())
                    .append("\",\"priceCents\":").append(product.priceCents())
                    .append('}');
        }
        return json.append("]}").toString();
    }
}
