// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

/**
 * A limit a detector applies, with the reason for its default; users override it with
 * {@code --threshold <key>=<value>}.
 *
 * @param key stable, {@code <kind in kebab-case>.<name>}, e.g. {@code unsized-collection.min-growth-share}
 * @param reason one line: why this default, so that a user knows what changing it means
 */
public record Threshold(String key, double defaultValue, String reason) {

  public Threshold {
    if (!key.matches("[a-z0-9-]+\\.[a-z0-9-]+")) {
      throw new IllegalArgumentException("threshold key must be <kind>.<name> in kebab-case: " + key);
    }
  }
}
