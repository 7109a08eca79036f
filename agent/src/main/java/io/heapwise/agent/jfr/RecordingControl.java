// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.jfr;

import io.heapwise.agent.boot.AgentArgs;
import io.heapwise.agent.boot.AgentLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Configuration;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * Runs the agent's one JFR recording: starts it with the chosen settings, and writes it to the {@code out} file
 * when the duration ends, a stop is requested, the process that attached the agent exits, or the JVM exits,
 * whichever comes first.
 *
 * <p>JFR itself writes the file, into {@code <out>.tmp}, which is then moved over {@code out}: a reader never
 * sees a half-written recording, and a JVM killed mid-write leaves the previous file intact.
 */
public final class RecordingControl {

  static final String BUNDLED_SETTINGS = "heapwise";
  /**
   * The bundled settings plus the TLAB events, whose exact object sizes let the analyzer suggest capacities and
   * buffer sizes. One event per TLAB refill, with a stack: for test and staging runs, not always-on production.
   */
  static final String SIZES_SETTINGS = "heapwise-sizes";
  private static final List<String> SIZE_EVENTS =
      List.of("jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB");
  private static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
  private static final String BUNDLED_SETTINGS_RESOURCE = "heapwise.jfc";
  private static final String RECORDING_NAME = "heapwise";
  private static final double BYTES_PER_MB = 1024.0 * 1024.0;
  /**
   * How long exit waits for a write the duration timer already began. Generous, because a cut-off write loses
   * the whole recording; exit only ever waits when the duration ends in the same moment as the application.
   */
  private static final long EXIT_WAIT_SECONDS = 30;
  /** Once a second at most: a stop a moment late costs nothing, and the check must not show in profiles. */
  private static final long OWNER_POLL_MILLIS = 500;
  /** The running session, if any: one per JVM, so that a second attach cannot rewrite the classes twice. */
  private static final AtomicReference<RecordingControl> ACTIVE = new AtomicReference<>();

  private final AgentArgs args;
  private final AgentLog log;
  private final Recording recording;
  private final Path tmp;
  private final AtomicBoolean finished = new AtomicBoolean();
  private final AtomicBoolean stoppingByAgent = new AtomicBoolean();
  private final CountDownLatch written = new CountDownLatch(1);
  private final List<Runnable> beforeStop = new CopyOnWriteArrayList<>();

  private RecordingControl(AgentArgs args, AgentLog log, Recording recording) {
    this.args = args;
    this.log = log;
    this.recording = recording;
    this.tmp = args.out().resolveSibling(args.out().getFileName() + ".tmp");
  }

  /**
   * Starts recording as {@code args} say and logs one line. Nothing is left running when this throws: the
   * caller logs the failure and the application goes on unprofiled.
   */
  public static RecordingControl start(AgentArgs args, AgentLog log) throws StartFailure {
    RecordingControl running = ACTIVE.get();
    if (running != null) {
      throw new StartFailure("a Heapwise recording is already running in this JVM (to " + running.args.out()
          + "); wait for it to end, or end it early by attaching with the option string '" + AgentArgs.STOP + "'",
          null);
    }
    Configuration settings = loadSettings(args.settings());
    Recording recording;
    try {
      recording = new Recording(settings);
      if (args.settings().equals(SIZES_SETTINGS)) {
        SIZE_EVENTS.forEach(event -> recording.enable(event).withStackTrace());
      }
      if (args.allocationThrottle() != null) {
        recording.enable(ALLOCATION_SAMPLE).withStackTrace().with("throttle", args.allocationThrottle());
      }
    } catch (RuntimeException e) {
      throw new StartFailure("JFR rejected settings " + args.settings() + ": " + e.getMessage(), e);
    }
    RecordingControl control = new RecordingControl(args, log, recording);
    try {
      control.begin();
    } catch (IOException | RuntimeException e) {
      control.abandon();
      throw new StartFailure("could not start the JFR recording: " + describe(e), e);
    }
    log.info("recording to " + args.out() + " (settings " + args.settings()
        + (args.allocationThrottle() == null ? "" : ", allocation samples at " + args.allocationThrottle())
        + ", duration " + describeEnd(args) + ")");
    return control;
  }

  private static String describeEnd(AgentArgs args) {
    if (args.durationMillis() > 0) {
      return AgentArgs.formatDuration(args.durationMillis());
    }
    // Attached by heapwise with no duration: Ctrl-C there (a stop request) or that process's exit ends it.
    return args.ownerPid() > 0 ? "until stopped or process " + args.ownerPid() + " exits" : "until exit";
  }

  /**
   * Runs {@code task} when the agent ends the recording early (duration, stop request, owner gone), before the
   * recording stops: the moment to write what is left and to take back what the agent changed; at once if that
   * has happened already. At exit JFR stops the recording by itself; see LifetimeReporter.
   */
  public void beforeStop(Runnable task) {
    beforeStop.add(task);
    if (stoppingByAgent.get()) {
      task.run(); // the recording ended while the caller was starting; tasks must tolerate a second run
    }
  }

  /**
   * Starts counting the duration, and watching the process that attached the agent. Called once the agent is in
   * place, so that installing the instrumentation (seconds, when attached to a busy JVM) does not eat into the
   * time measured.
   */
  public void startClock() {
    // Both wait on the written latch rather than sleep, so that neither outlives a recording ended otherwise.
    if (args.durationMillis() > 0) {
      daemon("heapwise-duration", () -> {
        if (!written.await(args.durationMillis(), TimeUnit.MILLISECONDS)) {
          stopByAgent("the duration of " + AgentArgs.formatDuration(args.durationMillis()) + " ended");
        }
      });
    }
    if (args.ownerPid() > 0) {
      daemon("heapwise-owner", () -> {
        while (!written.await(OWNER_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          if (!ProcessHandle.of(args.ownerPid()).map(ProcessHandle::isAlive).orElse(false)) {
            stopByAgent("process " + args.ownerPid() + ", which attached the agent, has exited");
            return;
          }
        }
      });
    }
  }

  /** When JFR started the recording. */
  public Instant startTime() {
    return recording.getStartTime();
  }

  /**
   * Ends the running recording early, as its duration would, and waits until its file is written.
   *
   * @return the file the recording was written to, or null when no recording was running
   */
  public static Path stopRunning() {
    RecordingControl running = ACTIVE.get();
    if (running == null) {
      return null;
    }
    running.stopByAgent("a stop was requested");
    return running.args.out();
  }

  /** Enables one of the agent's own events, whatever the settings file says, as for the Session event. */
  void enable(Class<? extends Event> event) {
    FlightRecorder.register(event);
    recording.enable(event).withoutStackTrace();
  }

  /** Enables a periodic event of the agent's at the end of each chunk, including the recording's last. */
  void enableAtChunkEnd(Class<? extends Event> event) {
    recording.enable(event).with("period", "endChunk");
  }

  private void begin() throws IOException {
    recording.setName(RECORDING_NAME);
    // The analyzer depends on this event, so it is on whatever settings file the user chose.
    enable(SessionEvent.class);
    enable(ClassFileEvent.class);
    recording.setToDisk(true);
    // JFR writes the destination when the recording stops, by our timer or at exit. Exit is left to JFR on
    // purpose: all shutdown hooks run at once, and JFR's own hook deletes the disk repository, so a dump from a
    // hook of ours could find the data gone. JFR dumps before that, then calls the listener below.
    recording.setDestination(tmp);
    recording.setDumpOnExit(true);
    FlightRecorder.addListener(new FlightRecorderListener() {
      @Override
      public void recordingStateChanged(Recording changed) {
        if (changed == recording && changed.getState() == RecordingState.STOPPED) {
          finish();
        }
      }
    });
    if (!ACTIVE.compareAndSet(null, this)) {
      throw new IllegalStateException("another Heapwise recording started at the same moment");
    }
    recording.start();
    commitSession();
    // The agent's threads are daemons, which the JVM does not wait for: if exit comes while one of them writes
    // the file, this hook holds exit until the file is in place.
    Runtime.getRuntime().addShutdownHook(new Thread(this::awaitWriteBegunByAgent, "heapwise-exit"));
  }

  private void commitSession() {
    SessionEvent session = new SessionEvent();
    session.agentVersion = agentVersion();
    session.options = args.raw();
    session.settings = args.settings();
    session.include = String.join(";", args.include());
    session.exclude = String.join(";", args.exclude());
    session.durationMillis = args.durationMillis();
    session.commit();
  }

  /** A daemon, so that a long duration never keeps a finished application alive. */
  private void daemon(String name, Interruptible body) {
    Thread thread = new Thread(() -> {
      try {
        body.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // nobody interrupts it; exit stops the recording anyway
      } catch (Throwable t) {
        log.stopped("could not end the recording: " + describe(t));
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  private interface Interruptible {
    void run() throws InterruptedException;
  }

  /** Runs once, on whichever of the duration timer, the owner watch and a stop request comes first. */
  private void stopByAgent(String why) {
    if (!stoppingByAgent.compareAndSet(false, true)) {
      awaitWritten();
      return;
    }
    log.info("ending the recording: " + why);
    for (Runnable task : beforeStop) {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.info("while ending the recording: " + describe(e));
      }
    }
    try {
      recording.stop(); // writes tmp, then the listener calls finish()
    } catch (IllegalStateException e) {
      return; // the JVM is exiting and JFR stopped the recording first; its dump on exit finishes the job
    }
    if (!finished.get()) {
      // JFR swallows I/O errors while writing the destination and then skips the listener.
      finishFailed("JFR could not write " + tmp);
    }
  }

  private void awaitWriteBegunByAgent() {
    if (stoppingByAgent.get()) {
      awaitWritten();
    }
  }

  private void awaitWritten() {
    try {
      written.await(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Moves the finished file into place and logs it; runs once, on whichever thread stopped the recording. */
  private void finish() {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    try {
      moveIntoPlace();
      Instant startTime = recording.getStartTime();
      Instant stopTime = recording.getStopTime() == null ? Instant.now() : recording.getStopTime();
      double seconds = Duration.between(startTime, stopTime).toMillis() / 1000.0;
      double megabytes = Files.size(args.out()) / BYTES_PER_MB;
      log.info(String.format(Locale.ROOT, "wrote %s (%.1f MB, %.1f s of recording)", args.out(), megabytes, seconds));
    } catch (IOException | RuntimeException e) {
      finishFailed(describe(e));
    } finally {
      ACTIVE.compareAndSet(this, null);
      written.countDown();
    }
  }

  private void moveIntoPlace() throws IOException {
    try {
      Files.move(tmp, args.out(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, args.out(), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void finishFailed(String why) {
    finished.set(true);
    log.stopped("could not write the recording to " + args.out() + " (" + why + ")");
    ACTIVE.compareAndSet(this, null);
    written.countDown();
  }

  /** Undoes a half-done start, so a failed agent leaves neither a recording running nor an empty tmp file. */
  private void abandon() {
    finished.set(true);
    ACTIVE.compareAndSet(this, null);
    try {
      recording.close();
    } catch (RuntimeException e) {
      // Already failing; the start failure is the line worth logging.
    }
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException | RuntimeException e) {
      // Same: an empty tmp file left behind is harmless.
    }
  }

  /** {@code heapwise} (bundled), {@code default} or {@code profile} (the JDK's), or a path to a .jfc file. */
  static Configuration loadSettings(String settings) throws StartFailure {
    try {
      switch (settings) {
        case BUNDLED_SETTINGS:
        case SIZES_SETTINGS:
          return loadBundledSettings();
        case "default":
        case "profile":
          return Configuration.getConfiguration(settings);
        default:
          return loadSettingsFile(Path.of(settings));
      }
    } catch (IOException | ParseException | RuntimeException e) {
      throw new StartFailure("could not load settings " + settings + ": " + describe(e), e);
    }
  }

  private static Configuration loadBundledSettings() throws IOException, ParseException {
    InputStream in = RecordingControl.class.getResourceAsStream(BUNDLED_SETTINGS_RESOURCE);
    if (in == null) {
      throw new IOException(BUNDLED_SETTINGS_RESOURCE + " is missing from the agent jar");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return Configuration.create(reader);
    }
  }

  private static Configuration loadSettingsFile(Path file) throws StartFailure, IOException {
    Path shown = file.toAbsolutePath().normalize();
    String choices = " (use settings=heapwise, default, profile or the path of a .jfc file)";
    if (Files.isDirectory(file)) {
      throw new StartFailure("settings file " + shown + " is a directory" + choices, null);
    } else if (!Files.exists(file)) {
      throw new StartFailure("settings file " + shown + " does not exist" + choices, null);
    }
    try {
      return Configuration.create(file);
    } catch (ParseException e) {
      // JFR's own message is only "Error reading JFC file."; the XML parser's reason, when it gives one, is
      // in the cause.
      Throwable cause = e.getCause();
      boolean causeExplains = cause != null && cause.getMessage() != null && !cause.getMessage().isBlank();
      throw new StartFailure("settings file " + shown + " is not a valid .jfc file"
          + (causeExplains ? " (" + cause.getMessage().strip() + ")" : "")
          + "; compare it with " + Path.of(System.getProperty("java.home"), "lib", "jfr", "default.jfc"), e);
    }
  }

  private static String agentVersion() {
    String version = RecordingControl.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** The exception's message, or its class name when it has none; a log line has no room for stack traces. */
  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getName() : message;
  }

  /** The recording could not start; the message is the reason, written for the one log line. */
  public static final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StartFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
