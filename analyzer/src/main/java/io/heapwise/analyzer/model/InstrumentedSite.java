// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.Optional;

/**
 * An allocation instruction the Heapwise agent instrumented: the key of its {@code heapwise.SiteLifetimes} and
 * {@code heapwise.CollectionSizes} events, and what a JFR site must agree with to be matched to them.
 *
 * @param className the binary name with dots, as JFR frames name classes ({@code com.acme.Book$Entry})
 * @param line the source line, {@code -1} when the class has no line-number table
 * @param allocatedType as {@link SiteKey#allocatedType()} names it: {@code byte[]}, {@code java.lang.String[]}
 */
public record InstrumentedSite(String className, String method, int line, String allocatedType) {

  /** The instruction at {@code frame} allocating {@code allocatedType}. */
  public static InstrumentedSite of(Frame frame, String allocatedType) {
    return new InstrumentedSite(frame.className(), frame.method(), frame.line(), allocatedType);
  }

  /**
   * The instrumented instruction a JFR site stands for. Only allocations the application's own code made have
   * one: when a JDK frame sits between the allocation and the application frame ({@code ArrayList.grow},
   * {@code String.split}), the JDK allocated, and the agent rewrites no JDK code. A line that both allocates
   * directly and calls such a method must not lend its measurements to the JDK's objects.
   */
  public static Optional<InstrumentedSite> of(SiteKey key) {
    if (key.appFrame() == null || key.mechanism() != null) {
      return Optional.empty();
    }
    return Optional.of(of(key.appFrame(), key.allocatedType()));
  }

  /** {@code com.acme.Book.match:88}, as finding ids name a line. */
  public String location() {
    return className + "." + method + (line >= 0 ? ":" + line : "");
  }
}
