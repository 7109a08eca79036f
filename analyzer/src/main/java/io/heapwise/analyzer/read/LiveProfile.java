// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.ProfileBuilder;
import java.time.Instant;
import java.util.List;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.MetadataEvent;
import jdk.jfr.consumer.RecordedEvent;

/**
 * The allocation model of a live JFR event stream ({@code RecordingStream}, {@code RemoteRecordingStream}), with
 * snapshots of everything seen so far while events keep arriving. Thread-safe: the stream's thread feeds it, any
 * thread may take snapshots.
 *
 * <p>Events are mapped as {@link JfrLoader} maps a file's, and the snapshot is the profile the file would give,
 * except for two things. Its duration: a stream has no chunk headers, so it covers the span of the events seen. And
 * the stack shown for a site, the first one seen, since a stream delivers events in time order and a file thread
 * buffer by thread buffer.
 */
public final class LiveProfile {

  private static final long UNSET = Long.MIN_VALUE;

  /** Guards everything below: the builder is not thread-safe, and a snapshot must not see half an event. */
  private final Object lock = new Object();
  private ProfileBuilder builder = new ProfileBuilder();
  private final List<String> applicationPackages;
  private final List<String> libraryPackages;
  private EventMapper mapper;
  /**
   * The span of the commit (end) times seen, in epoch nanoseconds. Not start times: a thread park or monitor wait
   * committed in the first second of an attach may have begun hours before, and those hours were not observed.
   */
  private long firstCommitNanos = UNSET;
  private long lastCommitNanos = UNSET;

  /**
   * @param applicationPackages the user's choice, as for {@link JfrLoader}; when empty, the agent's
   *     {@code heapwise.Session} event, if the stream carries it, supplies its {@code include=} packages from there on
   */
  public LiveProfile(List<String> applicationPackages, List<String> libraryPackages) {
    this.applicationPackages = List.copyOf(applicationPackages);
    this.libraryPackages = List.copyOf(libraryPackages);
    this.mapper = new EventMapper(builder, AgentSession.NONE.attributor(builder, this.applicationPackages,
        this.libraryPackages));
  }

  /**
   * Registers this profile's actions on {@code stream}, before it starts: its events, its flushes, and its metadata,
   * without which {@code jdk.ActiveSetting} cannot be read and the profile cannot tell which events were enabled.
   */
  public void follow(EventStream stream) {
    stream.onMetadata(this::metadata);
    stream.onEvent(this::accept);
    stream.onFlush(this::flushed);
  }

  /** One event of the stream; nothing of it is kept, so the stream may reuse the object. */
  public void accept(RecordedEvent event) {
    synchronized (lock) {
      JdkRecordedEvent view = new JdkRecordedEvent(event);
      if (AgentSession.EVENT_NAME.equals(view.typeName())) {
        mapper.attributor(AgentSession.of(view).attributor(builder, applicationPackages, libraryPackages));
      }
      mapper.accept(view);
      widenSpan(event.getEndTime());
    }
  }

  /** The stream was flushed (about once a second): forgets the stacks resolved since the previous flush. */
  public void flushed() {
    synchronized (lock) {
      mapper.chunkDone();
    }
  }

  /** Everything seen so far, as an immutable profile that later events do not change. */
  public AllocationProfile snapshot() {
    synchronized (lock) {
      return builder.build();
    }
  }

  /**
   * Everything seen since the previous window began (or since the start), and a new window from here on: what the
   * window measured is forgotten, what the stream told about the JVM is kept (see {@link ProfileBuilder#successor()}).
   * Windows are contiguous: the next one's time starts where this one's ends.
   */
  public AllocationProfile snapshotAndStartWindow() {
    synchronized (lock) {
      AllocationProfile window = builder.build();
      builder = builder.successor();
      mapper = mapper.successor(builder);
      firstCommitNanos = lastCommitNanos;
      return window;
    }
  }

  /** Events accepted so far in this window, of every type. */
  public long eventsSeen() {
    synchronized (lock) {
      return builder.eventsRead();
    }
  }

  private void metadata(MetadataEvent metadata) {
    synchronized (lock) {
      mapper.eventTypes(JfrLoader.namesById(metadata.getEventTypes()));
    }
  }

  /**
   * Widens the span the profile covers to {@code commitTime}, at either end: a stream is in commit order within a
   * flush at most, and not at all when unordered.
   */
  private void widenSpan(Instant commitTime) {
    long nanos = commitTime.getEpochSecond() * 1_000_000_000L + commitTime.getNano();
    if (firstCommitNanos == UNSET) {
      firstCommitNanos = nanos;
      lastCommitNanos = nanos;
    } else if (nanos > lastCommitNanos) {
      builder.chunkSpan(nanos - lastCommitNanos);
      lastCommitNanos = nanos;
    } else if (nanos < firstCommitNanos) {
      builder.chunkSpan(firstCommitNanos - nanos);
      firstCommitNanos = nanos;
    }
  }
}
