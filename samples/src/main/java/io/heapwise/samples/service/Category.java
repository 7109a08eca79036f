// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import java.util.Locale;

/** A department of the catalogue, with the kind of article its generated products are named after. */
enum Category {
    AUDIO("speaker"),
    BOOKS("novel"),
    GARDEN("planter"),
    KITCHEN("skillet"),
    OFFICE("notebook"),
    OUTDOOR("tent"),
    TOOLS("wrench"),
    TOYS("puzzle");

    /** How requests name the category, e.g. {@code garden}. */
    final String id;
    final String article;

    Category(String article) {
        this.id = name().toLowerCase(Locale.ROOT);
        this.article = article;
    }

    /** The category with this id, or null if there is none. */
    static Category byId(String id) {
        for (Category category : values()) {
            if (category.id.equals(id)) {
                return category;
            }
        }
        return null;
    }
}
