// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.bench;

/** Where an order is in its life; written by Jackson as the constant's name. */
public enum OrderStatus {
  PENDING,
  PAID,
  PACKED,
  SHIPPED,
  DELIVERED,
  CANCELLED
}
