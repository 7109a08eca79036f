// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.List;

/**
 * Where threads are started ({@code jdk.ThreadStart}'s stack: {@code Thread.start} and its callers).
 *
 * @param appFrame the application frame that started them; {@code null} when the stack holds none
 * @param frames from {@code Thread.start} up to and including the application frame
 */
public record ThreadStartSite(Frame appFrame, List<Frame> frames, long starts) {

  public ThreadStartSite {
    frames = List.copyOf(frames);
  }
}
