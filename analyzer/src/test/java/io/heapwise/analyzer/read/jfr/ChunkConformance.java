// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

import io.heapwise.analyzer.read.ChunkFile;
import io.heapwise.analyzer.read.JfrChunks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jdk.jfr.EventType;
import jdk.jfr.Timespan;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads each chunk of a file with the JDK's {@link RecordingFile} and with {@link JfrChunkReader} in step, and fails
 * on the first difference: the same events in the same order, with the same types, times and fields, recursively.
 */
final class ChunkConformance {

  /**
   * What happened to one chunk.
   *
   * @param jdkFailure why the JDK's reader stopped, {@code null} when it read the whole chunk
   * @param ourFailure why {@link JfrChunkReader} stopped, {@code null} when it read the whole chunk
   */
  record Outcome(String chunk, long jdkEvents, String jdkFailure, long ourEvents, String ourFailure) {
  }

  private final String where;
  private final Map<RecordedObject, JfrObject> seen = new IdentityHashMap<>();
  private RecordingFile jdk;
  private String jdkFailure;
  private long jdkEvents;
  private long ourEvents;

  private ChunkConformance(String where) {
    this.where = where;
  }

  /**
   * Compares every complete chunk of {@code file}; incomplete ones are skipped, as the loader skips them. The chunks
   * are opened in turn with one {@link MetadataCache}, as a loader's thread opens them, so a later chunk's types come
   * from the cache when it declares the same.
   */
  static List<Outcome> compareFile(Path file) throws Exception {
    JfrChunks.Layout layout = JfrChunks.scan(file);
    MetadataCache metadata = new MetadataCache();
    List<Outcome> outcomes = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      for (JfrChunks.Chunk chunk : layout.chunks()) {
        if (!chunk.complete()) {
          continue;
        }
        ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, chunk.offset(), chunk.declaredSize());
        try (ChunkFile chunkFile = ChunkFile.of(file, layout, chunk)) {
          String where = file.getFileName() + ", chunk " + chunk.index() + " of " + layout.chunks().size();
          outcomes.add(new ChunkConformance(where).compare(chunkFile.path(), bytes, metadata));
        }
      }
    }
    return outcomes;
  }

  private Outcome compare(Path chunkFile, ByteBuffer bytes, MetadataCache metadata) throws IOException {
    try {
      jdk = new RecordingFile(chunkFile);
    } catch (IOException | RuntimeException | InternalError e) {
      jdkFailure = describe(e);
    }
    String ourFailure = null;
    try {
      JfrChunkReader reader = JfrChunkReader.open(bytes, metadata);
      compareEventTypes(chunkFile, reader);
      reader.readEvents(null, this::compareNext);
      if (jdkFailure == null && nextJdkEvent() != null) {
        throw new AssertionError(where + ": the chunk reader gave " + ourEvents + " events, the JDK's reader more");
      }
    } catch (JfrFormatException e) {
      ourFailure = e.getMessage();
    } finally {
      if (jdk != null) {
        jdk.close();
      }
    }
    return new Outcome(where, jdkEvents, jdkFailure, ourEvents, ourFailure);
  }

  private void compareEventTypes(Path chunkFile, JfrChunkReader reader) {
    Map<Long, String> expected = new HashMap<>();
    try (RecordingFile types = new RecordingFile(chunkFile)) {
      for (EventType type : types.readEventTypes()) {
        expected.put(type.getId(), type.getName());
      }
    } catch (IOException | RuntimeException | InternalError e) {
      return;
    }
    check(expected.equals(reader.eventTypeNames()), "event types", expected, reader.eventTypeNames());
  }

  private RecordedEvent nextJdkEvent() {
    if (jdk == null || jdkFailure != null) {
      return null;
    }
    try {
      if (!jdk.hasMoreEvents()) {
        return null;
      }
      RecordedEvent event = jdk.readEvent();
      jdkEvents++;
      return event;
    } catch (IOException | RuntimeException | InternalError | StackOverflowError e) {
      jdkFailure = describe(e);
      return null;
    }
  }

  private void compareNext(JfrEvent actual) {
    ourEvents++;
    RecordedEvent expected = nextJdkEvent();
    if (expected == null) {
      if (jdkFailure != null) {
        return;
      }
      throw new AssertionError(where + ": the chunk reader gives event " + ourEvents + " (" + actual.typeName()
          + "), the JDK's reader has only " + jdkEvents);
    }
    String path = "event " + ourEvents + " (" + expected.getEventType().getName() + ")";
    check(expected.getEventType().getName().equals(actual.typeName()), path + " type", expected.getEventType()
        .getName(), actual.typeName());
    check(nanos(expected.getStartTime()) == actual.startEpochNanos(), path + " start", expected.getStartTime(),
        actual.startEpochNanos());
    check(nanos(expected.getEndTime()) == actual.endEpochNanos(), path + " end", expected.getEndTime(),
        actual.endEpochNanos());
    compareObject(path, expected, actual);
  }

  private void compareObject(String path, RecordedObject expected, JfrObject actual) {
    JfrObject before = seen.put(expected, actual);
    if (before != null) {
      check(before == actual, path + " (the JDK shares this object; the chunk reader must too)", before, actual);
      return;
    }
    List<String> names = expected.getFields().stream().map(ValueDescriptor::getName).toList();
    check(names.equals(((FieldValues) actual).fieldNames()), path + " fields", names,
        ((FieldValues) actual).fieldNames());
    check(!actual.hasField("noSuchField"), path + ".noSuchField", "absent", "present");
    for (ValueDescriptor field : expected.getFields()) {
      String name = field.getName();
      String fieldPath = path + "." + name;
      check(actual.hasField(name), fieldPath, "present", "absent");
      Object value = expected.getValue(name);
      compareValue(fieldPath, field, value, actual.getValue(name));
      compareTyped(fieldPath, field, expected, actual, value);
    }
  }

  private void compareTyped(String path, ValueDescriptor field, RecordedObject expected, JfrObject actual,
      Object value) {
    String name = field.getName();
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof Character) {
      check(expected.getLong(name) == actual.getLong(name), path + " as a long", expected.getLong(name),
          actual.getLong(name));
      if (field.getAnnotation(Timespan.class) != null) {
        long expectedNanos = saturatedNanos(expected.getDuration(name));
        check(expectedNanos == actual.getDurationNanos(name), path + " as a duration", expectedNanos,
            actual.getDurationNanos(name));
      }
    } else if (value instanceof Boolean) {
      check(expected.getBoolean(name) == actual.getBoolean(name), path + " as a boolean", value,
          actual.getBoolean(name));
    } else if ("java.lang.String".equals(field.getTypeName()) && !field.isArray()) {
      check(Objects.equals(expected.getString(name), actual.getString(name)), path + " as a string",
          expected.getString(name), actual.getString(name));
    } else if (value instanceof RecordedObject) {
      check(actual.getObject(name) != null, path + " as an object", value, null);
    }
  }

  private void compareValue(String path, ValueDescriptor field, Object expected, Object actual) {
    if (expected == null) {
      check(actual == null, path, null, actual);
    } else if (expected instanceof RecordedObject object) {
      check(actual instanceof JfrObject, path, expected, actual);
      if (!field.isArray()) {
        check(field.getTypeName().equals(((JfrObject) actual).typeName()), path + " type", field.getTypeName(),
            ((JfrObject) actual).typeName());
      }
      compareObject(path, object, (JfrObject) actual);
    } else if (expected instanceof Object[] array) {
      check(actual instanceof Object[], path, "an array", actual);
      Object[] actualArray = (Object[]) actual;
      check(array.length == actualArray.length, path + " length", array.length, actualArray.length);
      for (int i = 0; i < array.length; i++) {
        compareValue(path + "[" + i + "]", field, array[i], actualArray[i]);
      }
    } else {
      check(expected.equals(actual), path, expected + " (" + expected.getClass().getSimpleName() + ")",
          actual == null ? null : actual + " (" + actual.getClass().getSimpleName() + ")");
    }
  }

  private void check(boolean same, String path, Object expected, Object actual) {
    if (!same) {
      throw new AssertionError(where + ", " + path + ": the JDK's reader gives " + expected
          + ", the chunk reader " + actual);
    }
  }

  static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
