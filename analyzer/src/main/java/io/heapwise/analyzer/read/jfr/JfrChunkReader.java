// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads one JFR chunk without the JDK's parser, for speed: the events of the wanted types are decoded into one reused
 * {@link JfrEvent}, all others are skipped by their size, and constant-pool entries are decoded once, when first read,
 * and shared. Values are those the JDK's {@code RecordingFile} gives for the same chunk; what this reader does not
 * understand, or finds damaged, it refuses with a {@link JfrFormatException}.
 *
 * <p>A chunk is: a 68-byte header; events, each starting with its size and type id; among them, the metadata event
 * (type 0) declaring every type, and checkpoint events (type 1) holding the constant pools, each pointing to the one
 * before it. The header gives the offsets of the last metadata and checkpoint events.
 */
public final class JfrChunkReader {

  static final int HEADER_BYTES = 68;
  private static final byte[] MAGIC = {'F', 'L', 'R', 0};
  private static final long CHECKPOINT_TYPE_ID = 1;
  /** Event type ids below this are looked up in an array; HotSpot's and async-profiler's all are. */
  private static final int DIRECT_IDS = 1 << 12;

  private final ChunkInput scanInput;
  private final Decoder scanner;
  private final long startEpochNanos;
  private final long durationNanos;
  private final Map<Long, String> eventTypeNames;
  private final List<JfrType> eventTypes;
  private final JfrType[] eventTypeByDirectId = new JfrType[DIRECT_IDS];
  private final Map<Long, JfrType> eventTypeByOtherId = new HashMap<>();
  private final EventView event;

  private JfrChunkReader(byte[] bytes, int chunkEnd, boolean compressed, MetadataCache metadata)
      throws JfrFormatException {
    scanInput = new ChunkInput(bytes, chunkEnd, compressed);
    ChunkInput lazyInput = new ChunkInput(bytes, chunkEnd, compressed);
    startEpochNanos = scanInput.headerLong(32);
    durationNanos = scanInput.headerLong(40);
    TickClock clock = new TickClock(scanInput.headerLong(48), startEpochNanos, scanInput.headerLong(56));

    int metadataOffset = offsetField(24, "metadata", chunkEnd);
    Map<Long, JfrType> types = metadata == null ? MetadataParser.parse(scanInput, metadataOffset)
        : metadata.types(scanInput, metadataOffset);
    JfrType stringType = null;
    for (JfrType type : types.values()) {
      if ("java.lang.String".equals(type.name)) {
        stringType = type;
      }
    }
    scanner = new Decoder(scanInput, clock, stringType);
    Decoder lazy = new Decoder(lazyInput, clock, stringType);
    readConstantPools(types, offsetField(16, "constant pool", chunkEnd), lazy);

    for (JfrType type : types.values()) {
      if (type.pool != null) {
        type.pool.seal();
      }
    }
    for (JfrType type : types.values()) {
      type.fieldPools = new ConstantPool[type.fields.length];
      for (int i = 0; i < type.fields.length; i++) {
        if (type.kinds[i] == JfrField.POOL) {
          type.fieldPools[i] = type.fields[i].type.pool;
        }
      }
    }
    Map<Long, String> names = new HashMap<>();
    eventTypes = new ArrayList<>();
    for (JfrType type : types.values()) {
      if (type.event) {
        names.put(type.id, type.name);
        eventTypes.add(type);
        if (type.id >= 0 && type.id < DIRECT_IDS) {
          eventTypeByDirectId[(int) type.id] = type;
        } else {
          eventTypeByOtherId.put(type.id, type);
        }
      }
    }
    eventTypeNames = Collections.unmodifiableMap(names);
    event = new EventView(lazy);
  }

  /**
   * Reads the chunk's header, metadata and constant pools.
   *
   * @param chunk one complete chunk, from index 0 to its limit
   */
  public static JfrChunkReader open(ByteBuffer chunk) throws JfrFormatException {
    return open(chunk, null);
  }

  /**
   * As {@link #open(ByteBuffer)}, taking the types from {@code metadata} when this chunk declares the same as the
   * one it was last given, and keeping this chunk's there otherwise.
   */
  public static JfrChunkReader open(ByteBuffer chunk, MetadataCache metadata) throws JfrFormatException {
    ByteBuffer bytes = chunk.slice(0, chunk.limit()).order(ByteOrder.BIG_ENDIAN);
    if (bytes.limit() < HEADER_BYTES) {
      throw new JfrFormatException("a chunk of " + bytes.limit() + " bytes is shorter than its header", 0);
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes.get(i) != MAGIC[i]) {
        throw new JfrFormatException("the chunk does not start with FLR\\0", i);
      }
    }
    int major = bytes.getShort(4);
    if (major != 1 && major != 2) {
      throw new JfrFormatException("JFR format " + major + "." + bytes.getShort(6) + " is not 1.x or 2.x", 4);
    }
    long size = bytes.getLong(8);
    if (size < HEADER_BYTES || size > bytes.limit()) {
      throw new JfrFormatException("the header's chunk size " + size + " does not match the " + bytes.limit()
          + " bytes given", 8);
    }
    boolean compressedIntegers = (bytes.get(67) & 1) != 0;
    byte[] array;
    if (bytes.hasArray() && bytes.arrayOffset() == 0) {
      array = bytes.array();
    } else {
      array = new byte[(int) size];
      bytes.get(0, array);
    }
    return new JfrChunkReader(array, (int) size, compressedIntegers, metadata);
  }

  private int offsetField(int headerOffset, String what, int chunkEnd) throws JfrFormatException {
    long offset = scanInput.headerLong(headerOffset);
    if (offset < HEADER_BYTES || offset >= chunkEnd) {
      throw new JfrFormatException("the " + what + " offset " + offset + " is outside the chunk", headerOffset);
    }
    return (int) offset;
  }

  /** When the chunk began, in nanoseconds since the epoch. */
  public long startEpochNanos() {
    return startEpochNanos;
  }

  public long durationNanos() {
    return durationNanos;
  }

  /** The chunk's event types: id to name. */
  public Map<Long, String> eventTypeNames() {
    return eventTypeNames;
  }

  /**
   * Walks the chunk's events in file order and hands each of a wanted type to {@code handler}, as one reused
   * {@link JfrEvent} valid only during the call.
   *
   * @param wanted event type names; {@code null} for all
   */
  public void readEvents(Set<String> wanted, Consumer<JfrEvent> handler) throws JfrFormatException {
    for (JfrType type : eventTypes) {
      type.wanted = wanted == null || wanted.contains(type.name);
      type.events = 0;
    }
    ChunkInput in = scanInput;
    int chunkEnd = in.chunkEnd();
    int position = HEADER_BYTES;
    try {
      while (position < chunkEnd) {
        in.window(position, chunkEnd);
        long size = in.readSize();
        if (size <= 0 || size > chunkEnd - position) {
          throw new JfrFormatException("an event's size " + size + " does not fit in the chunk", position);
        }
        int eventEnd = position + (int) size;
        in.end = eventEnd;
        long typeId = in.readLong();
        JfrType type = typeId >= 0 && typeId < DIRECT_IDS ? eventTypeByDirectId[(int) typeId]
            : eventTypeByOtherId.get(typeId);
        if (type != null) {
          type.events++;
          if (type.wanted) {
            event.scan(type, in, scanner);
            handler.accept(event);
          }
        }
        position = eventEnd;
      }
    } finally {
      scanner.reset();
    }
  }

  /**
   * How many events of each type the last {@link #readEvents} walked past, wanted or not (a type declared but
   * without events is left out): the skipped ones are counted without being decoded.
   */
  public Map<String, Long> eventCounts() {
    Map<String, Long> counts = new HashMap<>();
    for (JfrType type : eventTypes) {
      if (type.events > 0) {
        counts.merge(type.name, type.events, Long::sum);
      }
    }
    return counts;
  }

  /**
   * Indexes every constant-pool entry, following the checkpoint events from the last one back to the first. Each
   * entry is skipped, which checks it; a key written again replaces its earlier entry, in the JDK reader's order.
   */
  private void readConstantPools(Map<Long, JfrType> types, int lastCheckpoint, Decoder lazy)
      throws JfrFormatException {
    ChunkInput in = scanInput;
    int checkpoint = lastCheckpoint;
    while (true) {
      in.window(checkpoint, in.chunkEnd());
      long size = in.readSize();
      if (size <= 0 || size > in.chunkEnd() - checkpoint) {
        throw new JfrFormatException("a checkpoint event's size " + size + " does not fit in the chunk", checkpoint);
      }
      int checkpointEnd = checkpoint + (int) size;
      in.end = checkpointEnd;
      long typeId = in.readLong();
      if (typeId != CHECKPOINT_TYPE_ID) {
        throw new JfrFormatException("expected a checkpoint event (type 1), found type " + typeId, checkpoint);
      }
      in.readLong(); // start time
      in.readLong(); // duration
      long delta = in.readLong();
      in.readByte(); // what kind of checkpoint: flush, chunk header, statics, thread
      int poolCount = in.checkCount(in.readInt(), "constant pool count");
      for (int i = 0; i < poolCount; i++) {
        indexPool(types, lazy);
      }
      if (in.position != checkpointEnd) {
        throw new JfrFormatException("the checkpoint event's pools end " + (checkpointEnd - in.position)
            + " bytes before its size says", in.position);
      }
      long previous = checkpoint + delta;
      // The JDK's reader stops at a delta of 0 or one pointing at the chunk's start.
      if (delta == 0 || previous == 0) {
        return;
      }
      if (delta > 0 || previous < HEADER_BYTES) {
        throw new JfrFormatException("the checkpoint event's delta " + delta + " does not lead to an earlier one",
            checkpoint);
      }
      checkpoint = (int) previous;
    }
  }

  private void indexPool(Map<Long, JfrType> types, Decoder lazy) throws JfrFormatException {
    ChunkInput in = scanInput;
    int at = in.position;
    long typeId = in.readLong();
    JfrType type = types.get(typeId);
    if (type == null) {
      throw new JfrFormatException("a constant pool of type " + typeId + ", which the metadata does not declare", at);
    }
    if (type.pool == null) {
      type.pool = new ConstantPool(type, lazy);
    }
    int count = in.checkCount(in.readInt(), "entry count of constant pool " + type.name);
    for (int i = 0; i < count; i++) {
      long key = in.readLong();
      type.pool.index(key, in.position);
      scanner.skipValue(type);
    }
  }
}
