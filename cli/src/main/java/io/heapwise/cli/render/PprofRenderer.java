// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import io.heapwise.analyzer.model.StackNode;
import io.heapwise.analyzer.report.RecordingInfo;
import io.heapwise.analyzer.report.Report;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The report's allocation call tree as a gzipped pprof profile ({@code profile.proto}), for {@code go tool pprof},
 * speedscope and the profilers' UIs that read it. Each call path with allocations of its own is one sample with two
 * values: allocation events and sampled bytes.
 *
 * <p>The profile has no mapping: mappings describe native binaries, and pprof reads locations without one as
 * already symbolized.
 */
public final class PprofRenderer implements BinaryRenderer {

  /** The frame of allocations recorded without a stack trace: they need one for the totals to add up. */
  static final String NO_STACK = "(no stack)";

  // Field numbers from pprof's proto/profile.proto.
  private static final int PROFILE_SAMPLE_TYPE = 1;
  private static final int PROFILE_SAMPLE = 2;
  private static final int PROFILE_LOCATION = 4;
  private static final int PROFILE_FUNCTION = 5;
  private static final int PROFILE_STRING_TABLE = 6;
  private static final int PROFILE_TIME_NANOS = 9;
  private static final int PROFILE_DURATION_NANOS = 10;
  private static final int PROFILE_PERIOD_TYPE = 11;
  private static final int PROFILE_COMMENT = 13;
  private static final int PROFILE_DEFAULT_SAMPLE_TYPE = 14;
  private static final int VALUE_TYPE_TYPE = 1;
  private static final int VALUE_TYPE_UNIT = 2;
  private static final int SAMPLE_LOCATION_ID = 1;
  private static final int SAMPLE_VALUE = 2;
  private static final int LOCATION_ID = 1;
  private static final int LOCATION_LINE = 4;
  private static final int LINE_FUNCTION_ID = 1;
  private static final int LINE_LINE = 2;
  private static final int FUNCTION_ID = 1;
  private static final int FUNCTION_NAME = 2;
  private static final int FUNCTION_SYSTEM_NAME = 3;
  private static final int FUNCTION_FILENAME = 4;

  private static final long NANOS_PER_MILLI = 1_000_000L;
  private static final double NANOS_PER_SECOND = 1e9;

  /** Writes the profile to {@code out} and leaves it open: the caller owns the stream. */
  @Override
  public void render(Report report, OutputStream out) throws IOException {
    StackNode root = report.stacks();
    if (root == null) {
      throw new IllegalStateException("bug: the report was made without graphs");
    }
    Tables tables = new Tables();
    List<ProtoWriter> samples = new ArrayList<>();
    addSamples(root, new ArrayList<>(), tables, samples);
    if (root.selfBytes() > 0 || root.selfSamples() > 0) {
      long noStack = tables.location(NO_STACK, "", -1);
      samples.add(sample(List.of(noStack), root.selfSamples(), root.selfBytes()));
    }

    ProtoWriter profile = new ProtoWriter()
        .message(PROFILE_SAMPLE_TYPE, valueType(tables, "alloc_objects", "count"))
        .message(PROFILE_SAMPLE_TYPE, valueType(tables, "alloc_space", "bytes"));
    for (ProtoWriter sample : samples) {
      profile.message(PROFILE_SAMPLE, sample);
    }
    for (ProtoWriter location : tables.locations.values()) {
      profile.message(PROFILE_LOCATION, location);
    }
    for (ProtoWriter function : tables.functions.values()) {
      profile.message(PROFILE_FUNCTION, function);
    }
    RecordingInfo recording = report.recording();
    profile.varint(PROFILE_TIME_NANOS, report.allocationTimeline().isEmpty() ? 0
            : report.allocationTimeline().get(0).startEpochMillis() * NANOS_PER_MILLI)
        .varint(PROFILE_DURATION_NANOS, Math.round(recording.durationSeconds() * NANOS_PER_SECOND))
        // The sampling interval is not one number (JFR throttles by rate), so period stays 0: unknown.
        .message(PROFILE_PERIOD_TYPE, valueType(tables, "space", "bytes"))
        .packed(PROFILE_COMMENT, comments(recording).stream().mapToLong(tables::string).toArray())
        .varint(PROFILE_DEFAULT_SAMPLE_TYPE, tables.string("alloc_space"));
    // Last, once every string above is in the table.
    for (String string : tables.strings.keySet()) {
      profile.string(PROFILE_STRING_TABLE, string);
    }

    GZIPOutputStream gzip = new GZIPOutputStream(out);
    profile.writeTo(gzip);
    gzip.finish();
    out.flush();
  }

  /** Depth first; {@code path} holds the location ids from the outermost frame down to {@code node}'s parent. */
  private static void addSamples(StackNode node, List<Long> path, Tables tables, List<ProtoWriter> samples) {
    boolean located = node.kind() != StackNode.Kind.ROOT;
    if (located) {
      path.add(location(node, tables));
      if (node.selfBytes() > 0 || node.selfSamples() > 0) {
        samples.add(sample(path, node.selfSamples(), node.selfBytes()));
      }
    }
    for (StackNode child : node.children()) {
      addSamples(child, path, tables, samples);
    }
    if (located) {
      path.remove(path.size() - 1);
    }
  }

  private static long location(StackNode node, Tables tables) {
    return switch (node.kind()) {
      case FRAME -> tables.location(functionName(node), sourcePath(node.className()), node.line());
      // As async-profiler's converters do: the allocated type is the leaf frame, so it shows in every view.
      case ALLOCATED_TYPE -> tables.location(node.className(), "", -1);
      case OTHER_STACKS -> tables.location(node.label(), "", -1);
      case ROOT -> throw new IllegalArgumentException("the root is no location");
    };
  }

  /** {@code com.acme.Book.match}; a pseudo-frame without a class (async-profiler's) is its method alone. */
  private static String functionName(StackNode frame) {
    return frame.className().isEmpty() ? frame.method() : frame.className() + "." + frame.method();
  }

  /** {@code com/acme/Book.java}; none for a pseudo-frame without a class. */
  private static String sourcePath(String className) {
    return className.isEmpty() ? "" : SourceLocation.path(className);
  }

  /** pprof's order: the leaf first. */
  private static ProtoWriter sample(List<Long> rootFirst, long events, long bytes) {
    long[] leafFirst = new long[rootFirst.size()];
    for (int i = 0; i < leafFirst.length; i++) {
      leafFirst[i] = rootFirst.get(rootFirst.size() - 1 - i);
    }
    return new ProtoWriter()
        .packed(SAMPLE_LOCATION_ID, leafFirst)
        .packed(SAMPLE_VALUE, new long[] {events, bytes});
  }

  private static ProtoWriter valueType(Tables tables, String type, String unit) {
    return new ProtoWriter().varint(VALUE_TYPE_TYPE, tables.string(type)).varint(VALUE_TYPE_UNIT, tables.string(unit));
  }

  /** What a reader of the profile cannot tell from its numbers: what they count and where they came from. */
  private static List<String> comments(RecordingInfo recording) {
    String source = recording.allocationSource() == null ? "no allocation events" : recording.allocationSource();
    return List.of(
        "alloc_objects counts allocation events (" + source + "), not objects: one event stands for many",
        "alloc_space is sampled bytes, as Heapwise weighs the events; totals match its report",
        "recorded on JDK " + recording.jdk() + " in " + String.join(", ", recording.files()));
  }

  /** The profile's tables, each entry made once and numbered in the order first needed. */
  private static final class Tables {

    /** string_table[0] must be "". */
    final Map<String, Long> strings = new LinkedHashMap<>(Map.of("", 0L));
    final Map<FunctionKey, ProtoWriter> functions = new LinkedHashMap<>();
    final Map<LocationKey, ProtoWriter> locations = new LinkedHashMap<>();
    private final Map<FunctionKey, Long> functionIds = new LinkedHashMap<>();
    private final Map<LocationKey, Long> locationIds = new LinkedHashMap<>();

    long string(String value) {
      return strings.computeIfAbsent(value, added -> (long) strings.size());
    }

    /** One location per function and line; ids start at 1, as 0 means none in pprof. */
    long location(String functionName, String file, int line) {
      LocationKey key = new LocationKey(function(functionName, file), line);
      Long known = locationIds.get(key);
      if (known != null) {
        return known;
      }
      long id = locationIds.size() + 1L;
      locationIds.put(key, id);
      ProtoWriter lineEntry = new ProtoWriter().varint(LINE_FUNCTION_ID, key.functionId())
          .varint(LINE_LINE, Math.max(line, 0));
      locations.put(key, new ProtoWriter().varint(LOCATION_ID, id).message(LOCATION_LINE, lineEntry));
      return id;
    }

    private long function(String name, String file) {
      FunctionKey key = new FunctionKey(name, file);
      Long known = functionIds.get(key);
      if (known != null) {
        return known;
      }
      long id = functionIds.size() + 1L;
      functionIds.put(key, id);
      long nameIndex = string(name);
      functions.put(key, new ProtoWriter().varint(FUNCTION_ID, id).varint(FUNCTION_NAME, nameIndex)
          .varint(FUNCTION_SYSTEM_NAME, nameIndex).varint(FUNCTION_FILENAME, string(file)));
      return id;
    }
  }

  private record FunctionKey(String name, String file) {
  }

  private record LocationKey(long functionId, int line) {
  }
}
