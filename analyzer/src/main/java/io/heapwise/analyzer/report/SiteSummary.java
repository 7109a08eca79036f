// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One allocation site as reported: the allocated type at the first application frame, and the JDK mechanism
 * between the two (for example {@code ArrayList.grow}).
 *
 * @param className the application class; {@value #NO_APPLICATION_FRAME} when the stack holds none, and then
 *     {@code method} and {@code file} are {@code null}
 * @param line the source line, or {@code -1} when the class has no line-number table
 * @param mechanism the JDK frame that explains the allocation, or {@code null} when the application allocated
 *     directly
 * @param frames the stack from the allocation up to and including the application frame, innermost first
 * @param lifetime how long the site's objects lived, measured by the Heapwise agent; absent without
 *     instrumentation, and for objects the JDK allocated for the application (there is a mechanism)
 * @param collectionSizes for a collection constructed at default capacity here: its sizes, measured by the agent
 */
@JsonPropertyOrder({"allocatedType", "class", "method", "line", "file", "mechanism", "bytes", "share",
    "bytesPerSecond", "samples", "frames", "lifetime", "collectionSizes"})
public record SiteSummary(
    String allocatedType,
    @JsonProperty("class") String className,
    String method,
    int line,
    String file,
    String mechanism,
    long bytes,
    double share,
    double bytesPerSecond,
    long samples,
    List<String> frames,
    @JsonInclude(JsonInclude.Include.NON_NULL) LifetimeSummary lifetime,
    @JsonInclude(JsonInclude.Include.NON_NULL) CollectionSizeSummary collectionSizes) {

  public static final String NO_APPLICATION_FRAME = "(no application frame)";

  public SiteSummary {
    frames = List.copyOf(frames);
  }

  /** The site as a developer finds it in an IDE: {@code com.acme.OrderBook.match(OrderBook.java:88)}. */
  public String location() {
    if (method == null) {
      return className;
    }
    String source = file != null ? file : "Unknown Source";
    return className + "." + method + "(" + source + (line >= 0 ? ":" + line : "") + ")";
  }
}
