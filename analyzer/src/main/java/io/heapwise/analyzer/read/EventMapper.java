// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import io.heapwise.analyzer.model.AllocationSource;
import io.heapwise.analyzer.model.CallTree;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.model.GcEvent;
import io.heapwise.analyzer.model.HeapSample;
import io.heapwise.analyzer.model.MethodId;
import io.heapwise.analyzer.model.ProfileBuilder;
import io.heapwise.analyzer.model.SiteAttributor;
import io.heapwise.analyzer.model.SiteAttributor.Attribution;
import io.heapwise.analyzer.read.jfr.JfrEvent;
import io.heapwise.analyzer.read.jfr.JfrObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns each JFR event into a call on the {@link ProfileBuilder}, so that no event or constant-pool object outlives
 * the chunk (or, streaming, the flush) it was read from. Field names are checked, not assumed: writers differ across
 * JDK versions and tools. It reads the chunk reader's events and the JDK parser's alike, through {@link JfrEvent}.
 */
final class EventMapper {

  private static final Attribution NO_STACK = new Attribution(null, null, List.of());
  private static final long NO_THREAD = Long.MIN_VALUE;
  /** The Heapwise JUnit extension's event: one per test, its thread's exact allocation. */
  static final String TEST_EVENT = "heapwise.Test";

  /**
   * The event types the model reads: a reader need not decode any other. The thread allocation counters and thread
   * starts are here for the first-sample rule, the settings for what the recording enabled.
   */
  static final Set<String> EVENT_TYPES = Set.of("jdk.ObjectAllocationSample", "jdk.ObjectAllocationInNewTLAB",
      "jdk.ObjectAllocationOutsideTLAB", "jdk.GarbageCollection", "jdk.GCHeapSummary", "jdk.GCConfiguration",
      "jdk.JVMInformation", "jdk.InitialSystemProperty", "jdk.ThreadAllocationStatistics", "jdk.ThreadStart",
      "jdk.JavaThreadStatistics", "jdk.IntFlag", "jdk.UnsignedIntFlag", "jdk.LongFlag", "jdk.UnsignedLongFlag",
      "jdk.DoubleFlag", "jdk.BooleanFlag", "jdk.StringFlag", "jdk.GCHeapConfiguration", "jdk.OldObjectSample",
      "jdk.AllocationRequiringGC", "jdk.ActiveSetting", "heapwise.ClassFile", TEST_EVENT, "jdk.Compilation",
      "jdk.CompilerInlining", InstrumentationEvents.SITE_LIFETIMES, InstrumentationEvents.COLLECTION_SIZES,
      InstrumentationEvents.INSTRUMENTATION);

  private static final Set<String> ALLOCATION_TYPES = Set.of("jdk.ObjectAllocationSample",
      "jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB");

  private final ProfileBuilder builder;
  private SiteAttributor attributor;
  /** A parser hands out one stack-trace object per constant-pool entry: resolve each stack once. */
  private final Map<JfrObject, StackEntry> stacks = new HashMap<>();
  /** Likewise one class object per entry: its name is worked out once, not for every allocation of it. */
  private final Map<JfrObject, String> typeNames = new HashMap<>();
  private final Map<JfrObject, ThreadRef> threads = new HashMap<>();
  private JfrObject lastThread;
  private ThreadRef lastThreadRef;
  private String lastReadType;
  private final List<AllocationFields> allocationFields = new ArrayList<>(3);
  /** Events without a thread: one per mapper, as its slot belongs to this mapper's builder. */
  private final ThreadRef noThread = new ThreadRef("(no thread)", NO_THREAD);
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
    stacks.clear();
  }

  /**
   * Forgets the stacks and classes resolved so far: after each chunk of a file, whose objects the next chunk does
   * not reuse, and after each flush of a live stream, so that a stream of hours holds only a flush's worth.
   */
  void chunkDone() {
    allocationFields.clear();
    lastThread = null;
    lastThreadRef = null;
    stacks.clear();
    typeNames.clear();
    threads.clear();
  }

  /**
   * One event of any type, counted, and read if the model uses its type: what a live stream hands over, and what the
   * JDK's reader gives of a file.
   */
  void accept(JfrEvent event) {
    String type = event.typeName();
    builder.eventsRead(type, 1);
    if (type == lastReadType || EVENT_TYPES.contains(type)) {
      lastReadType = type;
      read(event);
    }
  }

  /**
   * One event of a type in {@link #EVENT_TYPES}, not counted: a reader that reads only those hands them here, and
   * every type's count to {@link #counted} when its chunk is done.
   */
  void read(JfrEvent event) {
    String type = event.typeName();
    builder.eventCommitted(event.endEpochNanos());
    // Allocation events are nearly all of a recording: their path is kept apart from the other types', so that the
    // JIT compiles it small, and a rare event type seen late does not make it throw the compiled hot path away.
    AllocationFields fields = allocationFields(event, type);
    if (fields != null) {
      allocation(event, fields);
    } else {
      readOther(event, type);
    }
  }

  private void readOther(JfrEvent event, String type) {
    switch (type) {
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
          ThreadRef thread = thread(event.getObject("thread"));
          builder.threadAllocated(thread.name(), thread.id(), event.endEpochNanos(), event.getLong("allocated"));
        }
      }
      case "jdk.ThreadStart" -> builder.threadStarted(attribution(event),
          thread(event.hasField("thread") ? event.getObject("thread") : null).id());
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

  /**
   * An allocation event: a sample weighs what its thread allocated since its previous sample; a TLAB event weighs
   * the new TLAB and tells the object's size; an allocation outside a TLAB weighs the object.
   */
  private void allocation(JfrEvent event, AllocationFields fields) {
    long weight = fields.weight() < 0 ? 0 : event.getLong(fields.weight());
    if (weight <= 0 || fields.objectClass() < 0) {
      return;
    }
    long objectBytes = fields.source() == AllocationSource.OBJECT_ALLOCATION_SAMPLE ? -1
        : fields.objectBytes() < 0 ? 0 : event.getLong(fields.objectBytes());
    JfrObject type = event.getObject(fields.objectClass());
    JfrObject stack = fields.stackTrace() < 0 ? null : event.getObject(fields.stackTrace());
    ProfileBuilder.SiteSlot site;
    CallTree.Node node;
    if (stack == null) {
      site = siteOf(type, NO_STACK);
      node = builder.callTree() == null ? null : builder.callTree().leaf(List.of(), typeName(type));
    } else {
      StackEntry entry = stackEntry(stack);
      site = entry.site(type);
      node = entry.lastNode;
    }
    ThreadRef thread = thread(fields.eventThread() < 0 ? null : event.getObject(fields.eventThread()));
    builder.allocation(fields.source(), site, thread.slot(builder), node, weight, objectBytes,
        event.startEpochNanos());
  }

  /** Where an allocation event type keeps what {@link #allocation} reads; -1 for a field it lacks. */
  private record AllocationFields(String type, AllocationSource source, int weight, int objectBytes,
      int objectClass, int stackTrace, int eventThread) {

    static AllocationFields of(JfrEvent event) {
      String type = event.typeName();
      boolean sample = type.equals("jdk.ObjectAllocationSample");
      int size = event.fieldIndex("allocationSize");
      int weight = sample ? event.fieldIndex("weight")
          : type.equals("jdk.ObjectAllocationInNewTLAB") ? event.fieldIndex("tlabSize") : size;
      return new AllocationFields(type, sample ? AllocationSource.OBJECT_ALLOCATION_SAMPLE : AllocationSource.TLAB,
          weight, size, event.fieldIndex("objectClass"), event.fieldIndex("stackTrace"),
          event.fieldIndex("eventThread"));
    }
  }

  /**
   * Where an allocation event type keeps its fields, looked up once per type while the chunk's metadata holds;
   * null for the other types. The three allocation types take turns, so they are told apart by identity.
   */
  private AllocationFields allocationFields(JfrEvent event, String type) {
    for (int i = 0; i < allocationFields.size(); i++) {
      if (allocationFields.get(i).type() == type) {
        return allocationFields.get(i);
      }
    }
    if (!ALLOCATION_TYPES.contains(type)) {
      return null;
    }
    AllocationFields fields = AllocationFields.of(event);
    allocationFields.add(fields);
    return fields;
  }

  private ProfileBuilder.SiteSlot siteOf(JfrObject type, Attribution attribution) {
    String typeName = typeName(type);
    if (TypeNames.isLambda(typeName) && attribution.appFrame() != null) {
      attribution = attribution.asLambdaCapture();
    }
    return builder.site(typeName, attribution);
  }

  /**
   * A stack's attribution, and the site (and call-tree node) of the type last allocated there: most stacks allocate
   * one type, so the site of an event is found without building its key.
   */
  private final class StackEntry {
    final Attribution attribution;
    /** All the stack's frames, kept only while the builder records stacks. */
    final List<Frame> frames;
    JfrObject lastType;
    ProfileBuilder.SiteSlot lastSite;
    CallTree.Node lastNode;

    StackEntry(Attribution attribution, List<Frame> frames) {
      this.attribution = attribution;
      this.frames = frames;
    }

    ProfileBuilder.SiteSlot site(JfrObject type) {
      if (lastSite == null || type != lastType && !type.equals(lastType)) {
        lastSite = siteOf(type, attribution);
        lastNode = frames == null ? null : builder.callTree().leaf(frames, typeName(type));
        lastType = type;
      }
      return lastSite;
    }
  }

  private StackEntry stackEntry(JfrObject stack) {
    if (stack.attachment() instanceof StackEntry attached) {
      return attached;
    }
    // Not computeIfAbsent: its lambda would capture this mapper, an allocation per event.
    StackEntry entry = stacks.get(stack);
    if (entry == null) {
      List<Frame> frames = frames(stack);
      entry = new StackEntry(attributor.attribute(frames), builder.callTree() == null ? null : frames);
      if (!stack.attach(entry)) {
        stacks.put(stack, entry);
      }
    }
    return entry;
  }

  private void survivor(JfrEvent event) {
    if (!event.hasField("object")) {
      return;
    }
    JfrObject object = event.getObject("object");
    JfrObject type = object != null && object.hasField("type") ? object.getObject("type") : null;
    builder.survivor(typeName(type), attribution(event));
  }

  /** The agent's copy of an application class file: bytecode facts without the application's jars. */
  private void embeddedClassFile(JfrEvent event) {
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

  private void compilation(JfrEvent event) {
    JfrObject method = event.hasField("method") ? event.getObject("method") : null;
    // JDK 17 spells the field "succeded".
    boolean succeeded = event.hasField("succeded") ? event.getBoolean("succeded")
        : !event.hasField("succeeded") || event.getBoolean("succeeded");
    if (method != null && event.hasField("compileId") && event.hasField("compileLevel")) {
      builder.compilation(methodId(method), (int) event.getLong("compileId"), (int) event.getLong("compileLevel"),
          succeeded, event.endEpochNanos());
    }
  }

  private void inlining(JfrEvent event) {
    JfrObject caller = event.hasField("caller") ? event.getObject("caller") : null;
    JfrObject callee = event.hasField("callee") ? event.getObject("callee") : null;
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

  private static MethodId methodId(JfrObject method) {
    String descriptor = stringField(method, "descriptor");
    return new MethodId(className(method.getObject("type")), stringField(method, "name"),
        descriptor == null ? "" : descriptor);
  }

  /** A class's binary name, {@code java.lang.String}, as the JDK's {@code RecordedClass.getName()} gives it. */
  private static String className(JfrObject type) {
    String name = type == null ? null : stringField(type, "name");
    return name == null ? "" : name.replace('/', '.');
  }

  private void testRan(JfrEvent event) {
    String test = stringField(event, "test");
    if (test != null && event.hasField("allocated") && event.getLong("allocated") >= 0) {
      builder.testRan(test, event.getLong("allocated"), event.hasField("failed") && event.getBoolean("failed"));
    }
  }

  /**
   * Settings arrive as (event type id, setting, value), and ids are per chunk. Two matter: "enabled", and the period
   * of the thread allocation counters, which when read as each chunk begins show which threads were there before.
   */
  private void activeSetting(JfrEvent event) {
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

  /** The events a reader walked past, read or not, by type. */
  void counted(Map<String, Long> eventCounts) {
    eventCounts.forEach(builder::eventsRead);
  }

  /** The chunk's event types by id, so that settings can be read by event name. */
  void eventTypes(Map<Long, String> namesById) {
    allocationFields.clear();
    eventNamesById.clear();
    eventNamesById.putAll(namesById);
  }

  private Attribution attribution(JfrEvent event) {
    JfrObject stack = event.hasField("stackTrace") ? event.getObject("stackTrace") : null;
    return stack == null ? NO_STACK : stackEntry(stack).attribution;
  }

  private String typeName(JfrObject type) {
    return type == null ? "(unknown type)"
        : typeNames.computeIfAbsent(type, t -> TypeNames.withoutHiddenSuffix(TypeNames.toJava(className(t))));
  }

  private List<Frame> frames(JfrObject stack) {
    Object[] recorded = stack.hasField("frames") && stack.getValue("frames") instanceof Object[] array
        ? array : new Object[0];
    List<Frame> frames = new ArrayList<>(recorded.length);
    for (Object element : recorded) {
      if (element instanceof JfrObject frame) {
        JfrObject method = frame.hasField("method") ? frame.getObject("method") : null;
        String className = method == null ? "" : TypeNames.withoutHiddenSuffix(className(method.getObject("type")));
        String methodName = method == null ? "" : stringField(method, "name");
        // As the JDK's RecordedFrame.isJavaFrame(): no writer marks frames yet, so all are Java frames.
        boolean javaFrame = !frame.hasField("javaFrame") || frame.getBoolean("javaFrame");
        frames.add(new Frame(className, methodName == null ? "" : methodName,
            (int) longField(frame, "lineNumber", -1), (int) longField(frame, "bytecodeIndex", -1), javaFrame));
      }
    }
    return frames;
  }

  private void collection(JfrEvent event) {
    builder.collection(new GcEvent(
        event.hasField("gcId") ? event.getLong("gcId") : -1,
        stringField(event, "name"),
        stringField(event, "cause"),
        Math.floorDiv(event.startEpochNanos(), 1_000_000L),
        millis(event, "sumOfPauses"),
        millis(event, "longestPause")));
  }

  private void heapSummary(JfrEvent event) {
    if (!event.hasField("when") || !event.hasField("heapUsed")) {
      return;
    }
    long committed = -1;
    if (event.hasField("heapSpace")) {
      JfrObject space = event.getObject("heapSpace");
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

  private static double millis(JfrObject event, String field) {
    return event.hasField(field) ? event.getDurationNanos(field) / 1e6 : 0;
  }

  private static long longField(JfrObject object, String field) {
    return longField(object, field, 0);
  }

  /** As the JDK's accessors: {@code absent} when the field is missing. */
  private static long longField(JfrObject object, String field, long absent) {
    return object.hasField(field) ? object.getLong(field) : absent;
  }

  private static String stringField(JfrObject object, String field) {
    return object.hasField(field) ? object.getString(field) : null;
  }

  private ThreadRef thread(JfrObject thread) {
    if (thread == null) {
      return noThread;
    }
    // A chunk holds its events thread buffer by thread buffer: the same thread many times in a row.
    if (thread != lastThread) {
      lastThread = thread;
      if (thread.attachment() instanceof ThreadRef attached) {
        lastThreadRef = attached;
      } else {
        lastThreadRef = threads.get(thread);
        if (lastThreadRef == null) {
          lastThreadRef = ThreadRef.of(thread);
          if (!thread.attach(lastThreadRef)) {
            threads.put(thread, lastThreadRef);
          }
        }
      }
    }
    return lastThreadRef;
  }

  /**
   * A thread's name for the report, and its identity in the recording: its Java thread id, or for a thread without
   * one (-1) its OS id, negated so that the two kinds never meet; {@link #NO_THREAD} when the event has none.
   */
  private static final class ThreadRef {
    final String name;
    final long id;
    private ProfileBuilder.ThreadSlot slot;

    ThreadRef(String name, long id) {
      this.name = name;
      this.id = id;
    }

    static ThreadRef of(JfrObject thread) {
      String javaName = stringField(thread, "javaName");
      String osName = stringField(thread, "osName");
      String name = javaName != null ? javaName : osName != null ? osName : "(unnamed thread)";
      long javaId = longField(thread, "javaThreadId", -1);
      return new ThreadRef(name, javaId >= 0 ? javaId : -1 - longField(thread, "osThreadId", -1));
    }

    /** Made when the thread first allocates, so that threads seen only in other events take no slot. */
    ProfileBuilder.ThreadSlot slot(ProfileBuilder builder) {
      if (slot == null) {
        slot = builder.thread(name, id);
      }
      return slot;
    }

    String name() {
      return name;
    }

    long id() {
      return id;
    }
  }
}
