// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import io.heapwise.analyzer.model.Histogram;
import io.heapwise.analyzer.model.InstrumentationStats;
import io.heapwise.analyzer.model.InstrumentedSite;
import io.heapwise.analyzer.model.MeasuredLifetimes;
import io.heapwise.analyzer.model.MeasuredSizes;
import io.heapwise.analyzer.model.ProfileBuilder;
import io.heapwise.analyzer.read.jfr.JfrEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;

/**
 * The agent's instrumentation events (issue 4's contract), read by event and field name: the agent module defines
 * the event classes, the analyzer never loads them. Each event is one period of one site; the
 * {@link ProfileBuilder} adds periods up. An event that breaks the contract (a malformed histogram, a negative
 * count, no site) is left out whole, since its counts and histograms only make sense together, and counted as a
 * problem of the recording.
 */
final class InstrumentationEvents {

  static final String SITE_LIFETIMES = "heapwise.SiteLifetimes";
  static final String COLLECTION_SIZES = "heapwise.CollectionSizes";
  static final String INSTRUMENTATION = "heapwise.Instrumentation";

  private final ProfileBuilder builder;

  InstrumentationEvents(ProfileBuilder builder) {
    this.builder = builder;
  }

  void siteLifetimes(JfrEvent event) {
    try {
      InstrumentedSite site = site(event);
      builder.siteLifetimes(site, new MeasuredLifetimes(
          count(event, "samples"),
          Math.max(1, count(event, "sampleInterval")),
          event.hasField("allocations") ? Math.max(-1, event.getLong("allocations")) : -1,
          count(event, "sampledBytes"),
          count(event, "died"),
          count(event, "longLived"),
          count(event, "aliveAtEnd"),
          count(event, "dropped"),
          histogram(event, site, "gcHistogram", MeasuredLifetimes::isGcCycleBucket),
          histogram(event, site, "ageHistogram", MeasuredLifetimes::isAgeBucket)));
    } catch (ContractViolation e) {
      builder.skippedAgentEvent(SITE_LIFETIMES, e.getMessage());
    }
  }

  void collectionSizes(JfrEvent event) {
    try {
      InstrumentedSite site = site(event);
      builder.collectionSizes(site, new MeasuredSizes(
          count(event, "measured"),
          histogram(event, site, "sizeHistogram", MeasuredSizes::isSizeBucket),
          count(event, "sizeMax"),
          count(event, "sizeSum")));
    } catch (ContractViolation e) {
      builder.skippedAgentEvent(COLLECTION_SIZES, e.getMessage());
    }
  }

  void instrumentation(JfrEvent event) {
    try {
      builder.instrumentation(new InstrumentationStats(
          packages(string(event, "include")),
          Math.max(1, count(event, "sampleInterval")),
          event.hasField("exactCounts") && event.getBoolean("exactCounts"),
          count(event, "maxTracked"),
          count(event, "classesInstrumented"),
          count(event, "classesSkipped"),
          count(event, "sites"),
          count(event, "inFlight"),
          count(event, "droppedTotal")));
    } catch (ContractViolation e) {
      builder.skippedAgentEvent(INSTRUMENTATION, e.getMessage());
    }
  }

  /** The site in the names JFR frames use, so that it matches the {@code SiteKey} of the same instruction. */
  private static InstrumentedSite site(JfrEvent event) {
    String className = string(event, "className");
    String method = string(event, "method");
    String type = string(event, "allocatedType");
    if (className == null || method == null || type == null) {
      throw new ContractViolation("no className, method or allocatedType");
    }
    int line = event.hasField("line") ? (int) event.getLong("line") : -1;
    return new InstrumentedSite(TypeNames.agentName(className), method, line, TypeNames.agentName(type));
  }

  private static Histogram histogram(JfrEvent event, InstrumentedSite site, String field,
      DoublePredicate knownBucket) {
    String text = string(event, field);
    try {
      return Histogram.parse(text, knownBucket);
    } catch (IllegalArgumentException e) {
      throw new ContractViolation(String.format(Locale.ROOT, "%s '%s' at %s (%s): %s", field, abbreviated(text),
          site.location(), site.allocatedType(), e.getMessage()));
    }
  }

  private static long count(JfrEvent event, String field) {
    if (!event.hasField(field)) {
      return 0;
    }
    long value = event.getLong(field);
    if (value < 0) {
      throw new ContractViolation(field + " is negative (" + value + ")");
    }
    return value;
  }

  private static String string(JfrEvent event, String field) {
    return event.hasField(field) ? event.getString(field) : null;
  }

  private static List<String> packages(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** A problem line quotes the histogram; a damaged one may be long. */
  private static String abbreviated(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  /** An event that breaks the contract; the message says how, for the recording's problems. */
  private static final class ContractViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ContractViolation(String message) {
      super(message, null, false, false);
    }
  }
}
