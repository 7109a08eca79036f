// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

/**
 * What makes two allocations the same site: the allocated type, the first application frame (class, method,
 * line) and the JDK mechanism between them.
 *
 * @param appFrame {@code null} when the stack holds no application frame
 * @param mechanism {@code null} when the application allocated directly
 */
public record SiteKey(String allocatedType, Frame appFrame, String mechanism) {

  public SiteKey {
    // The bytecode index would split one source line into several sites; reports speak in lines.
    if (appFrame != null && appFrame.bytecodeIndex() != -1) {
      appFrame = new Frame(appFrame.className(), appFrame.method(), appFrame.line(), -1, appFrame.javaFrame());
    }
  }
}
