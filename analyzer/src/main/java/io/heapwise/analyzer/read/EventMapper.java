// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import io.heapwise.analyzer.model.AllocationSource;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.model.GcEvent;
import io.heapwise.analyzer.model.HeapSample;
import io.heapwise.analyzer.model.MethodId;
import io.heapwise.analyzer.model.ProfileBuilder;
import io.heapwise.analyzer.model.SiteAttributor;
import io.heapwise.analyzer.model.SiteAttributor.Attribution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Turns each JFR event into a call on the {@link ProfileBuilder}, so that no {@code jdk.jfr.consumer} object
 * outlives the chunk (or, streaming, the flush) it was read from. Field names are checked, not assumed: writers
 * differ across JDK versions and tools.
 */
final class EventMapper {

  private static final Attribution NO_STACK = new Attribution(null, null, List.of());
  private static final long NO_THREAD = Long.MIN_VALUE;
  /** The Heapwise JUnit extension's event: one per test, its thread's exact allocation. */
  static final String TEST_EVENT = "heapwise.Test";

  private final ProfileBuilder builder;
  private SiteAttributor attributor;
  /** The JDK's parser hands out one stack-trace object per constant-pool entry: resolve each stack once. */
  private final Map<RecordedStackTrace, Attribution> attributions = new IdentityHashMap<>();
  /** Likewise one class object per entry: its name is worked out once, not for every allocation of it. */
  private final Map<RecordedClass, String> typeNames = new IdentityHashMap<>();
  private final Map<Long, String> eventNamesById = new HashMap<>();
  private final InstrumentationEvents instrumentationEvents;

  EventMapper(ProfileBuilder builder, SiteAttributor attributor) {
    this.builder = builder;
    this.attributor = attributor;
    this.instrumentationEvents = new InstrumentationEvents(builder);
  }

  /**
   * A mapper feeding {@code next} (a {@link ProfileBuilder#successor()}) that reads events as this one does: the
   * same attribution, and the event type names that this chunk's {@code jdk.ActiveSetting} events refer to.
   */
  EventMapper successor(ProfileBuilder next) {
    EventMapper mapper = new EventMapper(next, attributor);
    mapper.eventNamesById.putAll(eventNamesById);
    return mapper;
  }

  /** Attributes the stacks of the events that follow: a live stream learns the application from its session. */
  void attributor(SiteAttributor next) {
    attributor = next;
    attributions.clear();
  }

  /**
   * Forgets the stacks and classes resolved so far: after each chunk of a file, whose objects the next chunk does
   * not reuse, and after each flush of a live stream, so that a stream of hours holds only a flush's worth.
   */
  void chunkDone() {
    attributions.clear();
    typeNames.clear();
  }

  void accept(RecordedEvent event) {
    builder.eventRead(epochNanos(event.getEndTime()));
    String type = event.getEventType().getName();
    builder.eventOfType(type);
    switch (type) {
      case "jdk.ObjectAllocationSample" ->
          allocation(event, AllocationSource.OBJECT_ALLOCATION_SAMPLE, longField(event, "weight"), -1);
      case "jdk.ObjectAllocationInNewTLAB" ->
          allocation(event, AllocationSource.TLAB, longField(event, "tlabSize"), longField(event, "allocationSize"));
      case "jdk.ObjectAllocationOutsideTLAB" -> {
        long size = longField(event, "allocationSize");
        allocation(event, AllocationSource.TLAB, size, size);
      }
      case "jdk.GarbageCollection" -> collection(event);
      case "jdk.GCHeapSummary" -> heapSummary(event);
      case "jdk.GCConfiguration" -> {
        builder.collector(stringField(event, "youngCollector"));
        builder.collector(stringField(event, "oldCollector"));
      }
      case "jdk.JVMInformation" -> builder.jdkVersion(TypeNames.jdkVersion(stringField(event, "jvmVersion")));
      case "jdk.InitialSystemProperty" -> {
        // Recordings without jdk.JVMInformation (JMC's, for one) still carry the system properties.
        if ("java.vm.version".equals(stringField(event, "key"))) {
          builder.jdkVersion(stringField(event, "value"));
        }
      }
      case "jdk.ThreadAllocationStatistics" -> {
        if (event.hasField("thread") && event.hasField("allocated")) {
          RecordedThread thread = event.getThread("thread");
          builder.threadAllocated(threadName(thread), threadId(thread), epochNanos(event.getEndTime()),
              event.getLong("allocated"));
        }
      }
      case "jdk.ThreadStart" -> builder.threadStarted(attribution(event),
          threadId(event.hasField("thread") ? event.getThread("thread") : null));
      case "jdk.JavaThreadStatistics" -> builder.liveThreads(longField(event, "activeCount"),
          longField(event, "peakCount"));
      case "jdk.IntFlag", "jdk.UnsignedIntFlag", "jdk.LongFlag", "jdk.UnsignedLongFlag", "jdk.DoubleFlag",
          "jdk.BooleanFlag", "jdk.StringFlag" -> {
        if (event.hasField("name") && event.hasField("value")) {
          Object value = event.getValue("value");
          builder.flag(event.getString("name"), value == null ? null : String.valueOf(value));
        }
      }
      case "jdk.GCHeapConfiguration" -> {
        if (event.hasField("usesCompressedOops") && event.hasField("objectAlignment")) {
          builder.heapConfiguration(event.getBoolean("usesCompressedOops"), (int) event.getLong("objectAlignment"));
        }
      }
      case "jdk.OldObjectSample" -> survivor(event);
      case "jdk.AllocationRequiringGC" -> builder.allocationRequiringGc(attribution(event), longField(event, "size"));
      case "jdk.ActiveSetting" -> activeSetting(event);
      case "heapwise.ClassFile" -> embeddedClassFile(event);
      case TEST_EVENT -> testRan(event);
      case "jdk.Compilation" -> compilation(event);
      case "jdk.CompilerInlining" -> inlining(event);
      case InstrumentationEvents.SITE_LIFETIMES -> instrumentationEvents.siteLifetimes(event);
      case InstrumentationEvents.COLLECTION_SIZES -> instrumentationEvents.collectionSizes(event);
      case InstrumentationEvents.INSTRUMENTATION -> instrumentationEvents.instrumentation(event);
      default -> {
        // Not used by the model yet.
      }
    }
  }

  private void allocation(RecordedEvent event, AllocationSource source, long weight, long objectBytes) {
    if (weight <= 0 || !event.hasField("objectClass")) {
      return;
    }
    String typeName = typeName(event.getClass("objectClass"));
    Attribution attribution = attribution(event);
    if (TypeNames.isLambda(typeName) && attribution.appFrame() != null) {
      attribution = attribution.asLambdaCapture();
    }
    RecordedThread thread = event.getThread();
    builder.allocation(source, typeName, attribution, weight, objectBytes, threadName(thread), threadId(thread),
        epochNanos(event.getStartTime()));
  }

  private void survivor(RecordedEvent event) {
    if (!event.hasField("object")) {
      return;
    }
    RecordedObject object = event.getValue("object");
    RecordedClass type = object != null && object.hasField("type") ? object.getValue("type") : null;
    builder.survivor(typeName(type), attribution(event));
  }

  /** The agent's copy of an application class file: bytecode facts without the application's jars. */
  private void embeddedClassFile(RecordedEvent event) {
    String name = stringField(event, "className");
    String base64 = stringField(event, "classFile");
    if (name != null && base64 != null) {
      try {
        builder.embeddedClassFile(name, Base64.getDecoder().decode(base64));
      } catch (IllegalArgumentException e) {
        // A damaged copy is as good as none: the detectors then say what they could not check.
      }
    }
  }

  private void compilation(RecordedEvent event) {
    RecordedMethod method = event.hasField("method") ? event.getValue("method") : null;
    // JDK 17 spells the field "succeded".
    boolean succeeded = event.hasField("succeded") ? event.getBoolean("succeded")
        : !event.hasField("succeeded") || event.getBoolean("succeeded");
    if (method != null && event.hasField("compileId") && event.hasField("compileLevel")) {
      builder.compilation(methodId(method), (int) event.getLong("compileId"), (int) event.getLong("compileLevel"),
          succeeded, epochNanos(event.getEndTime()));
    }
  }

  private void inlining(RecordedEvent event) {
    RecordedMethod caller = event.hasField("caller") ? event.getValue("caller") : null;
    RecordedObject callee = event.hasField("callee") ? event.getValue("callee") : null;
    if (caller == null || callee == null || !event.hasField("compileId")) {
      return;
    }
    String calleeClass = callee.hasField("type") ? callee.getString("type") : null;
    String calleeName = callee.hasField("name") ? callee.getString("name") : null;
    if (calleeClass == null || calleeName == null) {
      return;
    }
    builder.inlining((int) event.getLong("compileId"), methodId(caller), (int) longField(event, "bci"),
        MethodId.ofInternalName(calleeClass, calleeName,
            callee.hasField("descriptor") ? callee.getString("descriptor") : ""),
        event.hasField("succeeded") && event.getBoolean("succeeded"), stringField(event, "message"));
  }

  private static MethodId methodId(RecordedMethod method) {
    return new MethodId(method.getType() == null ? "" : method.getType().getName(), method.getName(),
        method.getDescriptor() == null ? "" : method.getDescriptor());
  }

  private void testRan(RecordedEvent event) {
    String test = stringField(event, "test");
    if (test != null && event.hasField("allocated") && event.getLong("allocated") >= 0) {
      builder.testRan(test, event.getLong("allocated"), event.hasField("failed") && event.getBoolean("failed"));
    }
  }

  /**
   * Settings arrive as (event type id, setting, value), and ids are per chunk. Two matter: "enabled", and the period
   * of the thread allocation counters, which when read as each chunk begins show which threads were there before.
   */
  private void activeSetting(RecordedEvent event) {
    String eventName = event.hasField("id") ? eventNamesById.get(event.getLong("id")) : null;
    if (eventName == null) {
      return;
    }
    String setting = stringField(event, "name");
    String value = stringField(event, "value");
    if ("enabled".equals(setting) && "true".equals(value)) {
      builder.eventEnabled(eventName);
    } else if ("period".equals(setting) && "jdk.ThreadAllocationStatistics".equals(eventName)
        && ("everyChunk".equals(value) || "beginChunk".equals(value))) {
      builder.threadAllocationsReadAtChunkStart();
    } else if ("threshold".equals(setting) && "jdk.Compilation".equals(eventName) && value != null
        && value.trim().startsWith("0 ")) {
      builder.everyCompilationRecorded();
    }
  }

  /** The chunk's event types, so that settings can be read by event name. */
  void eventTypes(List<EventType> types) {
    eventNamesById.clear();
    for (EventType type : types) {
      eventNamesById.put(type.getId(), type.getName());
    }
  }

  private Attribution attribution(RecordedEvent event) {
    RecordedStackTrace stack = event.getStackTrace();
    return stack == null ? NO_STACK : attributions.computeIfAbsent(stack, this::attribute);
  }

  private String typeName(RecordedClass type) {
    return type == null ? "(unknown type)"
        : typeNames.computeIfAbsent(type, t -> TypeNames.withoutHiddenSuffix(TypeNames.toJava(t.getName())));
  }

  private Attribution attribute(RecordedStackTrace stack) {
    List<RecordedFrame> recorded = stack.getFrames();
    List<Frame> frames = new ArrayList<>(recorded.size());
    for (RecordedFrame frame : recorded) {
      RecordedMethod method = frame.getMethod();
      String className = method == null || method.getType() == null
          ? "" : TypeNames.withoutHiddenSuffix(method.getType().getName());
      String methodName = method == null ? "" : method.getName();
      frames.add(new Frame(className, methodName, frame.getLineNumber(), frame.getBytecodeIndex(),
          frame.isJavaFrame()));
    }
    return attributor.attribute(frames);
  }

  private void collection(RecordedEvent event) {
    builder.collection(new GcEvent(
        event.hasField("gcId") ? event.getLong("gcId") : -1,
        stringField(event, "name"),
        stringField(event, "cause"),
        epochMillis(event.getStartTime()),
        millis(event, "sumOfPauses"),
        millis(event, "longestPause")));
  }

  private void heapSummary(RecordedEvent event) {
    if (!event.hasField("when") || !event.hasField("heapUsed")) {
      return;
    }
    long committed = -1;
    if (event.hasField("heapSpace")) {
      RecordedObject space = event.getValue("heapSpace");
      if (space != null && space.hasField("committedSize")) {
        committed = space.getLong("committedSize");
      }
    }
    builder.heapSample(new HeapSample(
        event.hasField("gcId") ? event.getLong("gcId") : -1,
        "Before GC".equals(event.getString("when")),
        event.getLong("heapUsed"),
        committed));
  }

  private static double millis(RecordedEvent event, String field) {
    if (!event.hasField(field)) {
      return 0;
    }
    Duration duration = event.getDuration(field);
    return duration == null ? 0 : duration.toNanos() / 1e6;
  }

  private static long longField(RecordedEvent event, String field) {
    return event.hasField(field) ? event.getLong(field) : 0;
  }

  private static String stringField(RecordedEvent event, String field) {
    return event.hasField(field) ? event.getString(field) : null;
  }

  private static String threadName(RecordedThread thread) {
    if (thread == null) {
      return "(no thread)";
    }
    String name = thread.getJavaName();
    return name != null ? name : thread.getOSName() != null ? thread.getOSName() : "(unnamed thread)";
  }

  /**
   * The thread's identity in the recording: its Java thread id, or for a thread without one (-1) its OS id, negated
   * so that the two kinds never meet. {@link #NO_THREAD} when the event has none.
   */
  private static long threadId(RecordedThread thread) {
    if (thread == null) {
      return NO_THREAD;
    }
    long javaId = thread.getJavaThreadId();
    return javaId >= 0 ? javaId : -1 - thread.getOSThreadId();
  }

  private static long epochMillis(Instant instant) {
    return instant == null ? 0 : instant.toEpochMilli();
  }

  private static long epochNanos(Instant instant) {
    return instant == null ? 0 : instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
