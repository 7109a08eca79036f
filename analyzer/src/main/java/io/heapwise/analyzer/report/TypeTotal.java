// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** All allocation of one type, over every site. */
@JsonPropertyOrder({"type", "bytes", "share"})
public record TypeTotal(String type, long bytes, double share) {
}
