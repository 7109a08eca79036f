// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.EstimatedSaving;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.finding.FindingSite;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.model.ThreadStartSite;
import io.heapwise.analyzer.report.SiteSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Platform threads started at a high rate: each start maps a native stack, makes a kernel thread and sets up TLABs
 * and JFR/JVMTI state, and each end tears them down, for work a pooled thread would pick up from a queue. Most of
 * this cost is native, so it barely shows in heap allocation; the evidence is {@code jdk.ThreadStart}.
 */
public final class ThreadChurnDetector implements Detector {

  static final Threshold MIN_STARTS_PER_SECOND = new Threshold("thread-churn.min-starts-per-second", 10,
      "At ~50-100 us of CPU per start and stop, 10 threads/s is ~0.1% of a core: from there a pool is cheaper.");
  static final Threshold CRITICAL_STARTS_PER_SECOND = new Threshold("thread-churn.critical-starts-per-second", 1000,
      "1,000 starts/s is 5-10% of a core spent creating and destroying threads.");
  /** Fewer starts than this in a whole recording make no rate, whatever the duration. */
  static final int MIN_STARTS = 20;
  /** HotSpot's default -Xss on 64-bit Linux, used when the recording does not list ThreadStackSize. */
  static final long DEFAULT_STACK_BYTES = 1024 * 1024;
  /** The first release with virtual threads as a final feature (JEP 444). */
  static final int VIRTUAL_THREADS_RELEASE = 21;

  @Override
  public FindingKind kind() {
    return FindingKind.THREAD_CHURN;
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_STARTS_PER_SECOND, CRITICAL_STARTS_PER_SECOND);
  }

  @Override
  public List<Finding> detect(DetectionInput input) {
    AllocationProfile profile = input.profile();
    Boolean recorded = profile.eventEnabled("jdk.ThreadStart");
    if (Boolean.FALSE.equals(recorded) || recorded == null && profile.threadsStarted() == 0) {
      input.undecided().accept("THREAD_CHURN: the recording " + (recorded == null ? "may not have enabled"
          : "did not enable") + " jdk.ThreadStart, so thread creation could not be checked; record with"
          + " settings=default or profile");
      return List.of();
    }
    if (profile.durationSeconds() <= 0) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (ThreadStartSite site : profile.threadStartSites()) {
      double rate = site.starts() / profile.durationSeconds();
      if (site.starts() < MIN_STARTS || rate < input.thresholds().get(MIN_STARTS_PER_SECOND) || virtual(site)) {
        continue;
      }
      if (site.appFrame() == null) {
        input.undecided().accept(String.format(Locale.ROOT, "THREAD_CHURN: %.0f threads/s are started from"
            + " stacks without an application frame (%s): mark fewer packages as libraries to find the caller",
            rate, site.frames().isEmpty() ? "no stack" : site.frames().get(site.frames().size() - 1)));
        continue;
      }
      findings.add(finding(input, site, rate));
    }
    return findings;
  }

  private static Finding finding(DetectionInput input, ThreadStartSite site, double rate) {
    AllocationProfile profile = input.profile();
    Frame frame = site.appFrame();
    FindingSite where = new FindingSite(frame.className(), frame.method(), frame.line(), "java.lang.Thread");
    long stack = profile.vmSettings().threadStackBytes();
    boolean stackKnown = stack > 0;
    long stackBytes = stackKnown ? stack : DEFAULT_STACK_BYTES;
    double threadBytesPerSecond = threadObjectBytesPerSecond(input, frame);
    int release = featureRelease(profile.jdkVersion());
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("threadsStarted", site.starts());
    evidence.put("startsPerSecond", rate);
    evidence.put("recordingSeconds", profile.durationSeconds());
    evidence.put("peakLiveThreads", profile.peakLiveThreads());
    evidence.put("threadStackBytes", stackBytes);
    evidence.put("threadStackSizeFrom", stackKnown ? "ThreadStackSize flag in the recording"
        : "not in the recording: HotSpot's default on 64-bit Linux assumed");
    evidence.put("stackReservedPerSecondBytes", Math.round(rate * stackBytes));
    if (profile.peakLiveThreads() > 0) {
      evidence.put("peakStackReservedBytes", profile.peakLiveThreads() * stackBytes);
    }
    evidence.put("threadObjectBytesPerSecond", threadBytesPerSecond);
    evidence.put("jdkVersion", profile.jdkVersion());
    String executor = executor(site);
    if (executor != null) {
      evidence.put("startedBy", executor);
    }
    evidence.put("measuredBy", "jdk.ThreadStart stacks attributed to the application frame that called"
        + " Thread.start, over the recording's duration; peak from jdk.JavaThreadStatistics; heap bytes from"
        + " allocation samples of java.lang.Thread at the same line");
    String summary = String.format(Locale.ROOT, "%s starts %.0f platform threads per second (%,d in %.1f s, peak"
        + " %d live): each one maps a %d KiB stack and a kernel thread for a short task.", location(frame), rate,
        site.starts(), profile.durationSeconds(), profile.peakLiveThreads(), stackBytes / 1024);
    Severity severity = rate >= input.thresholds().get(CRITICAL_STARTS_PER_SECOND) ? Severity.CRITICAL
        : Severity.WARNING;
    double total = input.allocationBytesPerSecond();
    EstimatedSaving saving = threadBytesPerSecond > 0
        ? new EstimatedSaving(threadBytesPerSecond, total > 0 ? threadBytesPerSecond / total : 0)
        : EstimatedSaving.NONE;
    String note = "The cost of a thread start is mostly native (stack mapping, kernel thread, JVM thread state):"
        + " it is not in the heap, so the estimated saving counts only the java.lang.Thread objects sampled at"
        + " this line" + (threadBytesPerSecond > 0 ? "" : ", and none were sampled (saving 0, not measured)")
        + ". The rate is over the whole recording, including JVM start-up, so it understates the steady state."
        + (stackKnown ? "" : " The stack size is assumed (1 MiB), not read from the recording.");
    return new Finding(Finding.idOf(FindingKind.THREAD_CHURN, where), FindingKind.THREAD_CHURN, severity, where,
        "java.lang.Thread", summary, evidence, recommendation(frame, release, executor(site)), saving,
        stackKnown ? Confidence.HIGH : Confidence.MEDIUM, note);
  }

  /** Virtual threads are meant to be started per task: no native stack, no kernel thread to churn. */
  static boolean virtual(ThreadStartSite site) {
    for (Frame frame : site.frames()) {
      if (frame.className().equals("java.lang.VirtualThread")
          || frame.className().startsWith("java.lang.ThreadBuilders$Virtual")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The JDK executor frame between {@code Thread.start} and the application, e.g. {@code ThreadPoolExecutor.addWorker}:
   * then the application does use a pool, and the pool keeps replacing its threads.
   */
  static String executor(ThreadStartSite site) {
    for (Frame frame : site.frames()) {
      if (frame.className().startsWith("java.util.concurrent.")) {
        return frame.shortName();
      }
    }
    return null;
  }

  private static String recommendation(Frame frame, int release, String executor) {
    String line = frame.sourceFileGuess() + ":" + frame.line();
    if (executor != null) {
      return String.format(Locale.ROOT, "The threads are started by a pool (%s) called at %s, which keeps"
          + " replacing its workers: a cached pool that shrinks and grows with bursts, a keepAliveTime or"
          + " allowCoreThreadTimeOut that lets idle workers die, or tasks that throw and kill their worker. Give it"
          + " a fixed core size with prestartAllCoreThreads(), a keepAliveTime longer than the gaps between bursts,"
          + " and catch exceptions inside the task.", executor, line);
    }
    StringBuilder advice = new StringBuilder(String.format(Locale.ROOT, "Stop starting a thread per task at %s:"
        + " create an ExecutorService once (e.g. Executors.newFixedThreadPool(Runtime.getRuntime()"
        + ".availableProcessors()) for CPU-bound work, which cannot run faster on more threads than cores) and"
        + " submit the task to it, waiting on the returned Futures or a CountDownLatch instead of Thread.join.",
        line));
    if (release >= VIRTUAL_THREADS_RELEASE) {
      advice.append(" If the tasks block on I/O, Executors.newVirtualThreadPerTaskExecutor() keeps the"
          + " thread-per-task style: a virtual thread is a heap object of about a kilobyte, mounted on a small pool"
          + " of carrier threads, with no native stack or kernel thread of its own.");
    } else if (release > 0) {
      advice.append(" On JDK ").append(VIRTUAL_THREADS_RELEASE).append("+ (this recording is JDK ").append(release)
          .append(") virtual threads would also keep the thread-per-task style for I/O-bound tasks.");
    }
    return advice.toString();
  }

  /** Heap allocation of {@code java.lang.Thread} objects at the creating line, in bytes per second. */
  private static double threadObjectBytesPerSecond(DetectionInput input, Frame frame) {
    double bytes = 0;
    for (int i = 0; i < input.sites().size(); i++) {
      SiteSummary summary = input.sites().get(i);
      Frame app = input.profile().sites().get(i).key().appFrame();
      if (app != null && ArraySizes.sameLine(frame, app) && summary.allocatedType().equals("java.lang.Thread")) {
        bytes += summary.bytesPerSecond();
      }
    }
    return bytes;
  }

  /** {@code 17.0.15+6-Debian}, {@code 25+36-LTS} -> 17, 25; {@code -1} when unknown. */
  static int featureRelease(String jdkVersion) {
    if (jdkVersion == null) {
      return -1;
    }
    java.util.regex.Matcher leading = java.util.regex.Pattern.compile("^(\\d+)").matcher(jdkVersion.trim());
    return leading.find() ? Integer.parseInt(leading.group(1)) : -1;
  }

  private static String location(Frame frame) {
    return frame.className() + "." + frame.method() + "(" + frame.sourceFileGuess() + ":" + frame.line() + ")";
  }
}
