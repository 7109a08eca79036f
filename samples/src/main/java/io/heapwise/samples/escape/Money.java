// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

/** An amount of money in a currency's minor unit (cents): a value object, as money code is written. */
record Money(long cents, String currency) {
}
