// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** The instrumentation events of a recording, summed per site over the periods, as a reader of the file sees them. */
record InstrumentedSites(List<RecordedEvent> lifetimes, List<RecordedEvent> sizes, List<RecordedEvent> states) {

  static InstrumentedSites read(Path recording) throws IOException {
    List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
    return new InstrumentedSites(named(events, "heapwise.SiteLifetimes"), named(events, "heapwise.CollectionSizes"),
        named(events, "heapwise.Instrumentation"));
  }

  /** The sum of a long field over the lifetime events of the site at {@code method}:{@code line}. */
  long sum(String method, int line, String field) {
    return lifetimes.stream().filter(at(method, line)).mapToLong(e -> e.getLong(field)).sum();
  }

  /** A histogram field merged over the periods of the site, bucket key to count, in bucket order. */
  Map<Double, Long> histogram(List<RecordedEvent> events, String method, int line, String field) {
    Map<Double, Long> merged = new TreeMap<>();
    events.stream().filter(at(method, line)).map(e -> e.getString(field)).filter(s -> !s.isEmpty())
        .flatMap(s -> Arrays.stream(s.split(",")))
        .forEach(pair -> {
          String[] parts = pair.split(":");
          double key = parts[0].equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(parts[0]);
          merged.merge(key, Long.parseLong(parts[1]), Long::sum);
        });
    return merged;
  }

  List<String> methods() {
    return lifetimes.stream().map(e -> e.getString("method")).distinct().sorted().toList();
  }

  RecordedEvent lastState() {
    return states.get(states.size() - 1);
  }

  static Predicate<RecordedEvent> at(String method, int line) {
    return e -> e.getString("method").equals(method) && e.getInt("line") == line;
  }

  private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
    return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
  }
}
