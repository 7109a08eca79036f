// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;

import io.heapwise.agent.boot.AgentArgs;
import io.heapwise.agent.boot.AgentLog;
import io.heapwise.agent.boot.AgentMain;
import io.heapwise.agent.jfr.LifetimeReporter;
import io.heapwise.agent.jfr.RecordingControl;
import io.heapwise.agent.runtime.Allocations;
import java.lang.instrument.Instrumentation;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Rewrites the allocation sites of the included packages, in classes loaded from now on and, when attached to a
 * running JVM, in those already loaded (retransformation); and takes it all back when the agent ends the
 * recording, leaving the classes as they were.
 *
 * <p>Rewritten code calls the runtime package, which stays where the JVM put the agent jar: on the application
 * class path (see {@link IncludedTypes} for classes whose loader cannot see it). Appending the runtime to the
 * bootstrap class path instead would reach those too, but it makes the JVM print a warning into the application's
 * output and turn off class data sharing for the application's classes.
 */
public final class Instrumenter implements LifetimeReporter.Counts {

  private final AgentLog log;
  private final Instrumentation inst;
  private final AtomicLong classesInstrumented = new AtomicLong();
  private final AtomicLong classesSkipped = new AtomicLong();
  private final AtomicLong sites = new AtomicLong();
  private LifetimeReporter reporter;
  private ResettableClassFileTransformer transformer;
  private boolean ended;

  private Instrumenter(AgentLog log, Instrumentation inst) {
    this.log = log;
    this.inst = inst;
  }

  /** Starts rewriting and measuring; the recording's duration end takes it back. */
  public static void install(Instrumentation inst, AgentArgs args, AgentLog log, RecordingControl control) {
    Instrumenter instrumenter = new Instrumenter(log, inst);
    // First, so that a stop requested while the classes are being rewritten (which takes a second or more when
    // attached to a JVM with many classes loaded) still takes everything back.
    control.beforeStop(instrumenter::end);
    try {
      instrumenter.start(args, control);
    } catch (RuntimeException | LinkageError e) {
      instrumenter.end();
      log.info("instrumentation is off: it failed to start (" + e + "); the recording goes on with JFR's"
          + " allocation samples only");
    }
  }

  private synchronized void start(AgentArgs args, RecordingControl control) {
    if (ended) {
      return;
    }
    Allocations.start(args.sampleInterval(), args.exactCounts(), args.maxTracked(), inst,
        why -> log.info("instrumentation stopped measuring: " + why + "; the recording goes on without it"));
    reporter = LifetimeReporter.start(control, args, this);
    transformer = new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(listener())
        .ignore(isAgentItself().or(isSynthetic()))
        .type(new IncludedTypes(args, log))
        .transform((builder, type, loader, module, domain) -> builder.visit(
            new AllocationSiteVisitor(sites, args.exactCounts())))
        .installOn(inst);
    log.info(String.format(Locale.ROOT, "instrumenting allocation sites in %s (1 in %,d allocations sampled per"
        + " thread%s; lifetimes of at most %,d objects tracked at a time)", String.join(";", args.include()),
        args.sampleInterval(), args.exactCounts() ? ", every one counted" : "", args.maxTracked()));
  }

  /**
   * Writes the last period, restores every rewritten class and stops measuring; rewritten code still on a stack
   * returns at once. Waits for a start in progress to finish first.
   */
  private synchronized void end() {
    if (ended) {
      return;
    }
    ended = true;
    Allocations.stopSampling();
    if (reporter != null) {
      reporter.end();
    }
    Allocations.stop();
    if (transformer != null) {
      boolean restored = transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
      log.info(restored
          ? "instrumentation removed: " + classesInstrumented.get() + " classes restored to their original code"
          : "instrumentation removed: nothing was rewritten");
    }
  }

  @Override
  public long classesInstrumented() {
    return classesInstrumented.get();
  }

  @Override
  public long classesSkipped() {
    return classesSkipped.get();
  }

  @Override
  public long sites() {
    return sites.get();
  }

  /** The agent's own packages, which rewritten code calls: rewriting them would recurse. */
  private static ElementMatcher.Junction<TypeDescription> isAgentItself() {
    String agent = AgentMain.class.getPackageName().replaceAll("\\.boot$", "");
    return nameStartsWith(agent + ".boot.").or(nameStartsWith(agent + ".jfr."))
        .or(nameStartsWith(agent + ".instrument.")).or(nameStartsWith(agent + ".runtime."))
        .or(named(agent + ".AllocAgent")).or(nameStartsWith("io.heapwise.shaded."));
  }

  private AgentBuilder.Listener listener() {
    return new AgentBuilder.Listener.Adapter() {
      @Override
      public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
          DynamicType dynamicType) {
        classesInstrumented.incrementAndGet();
      }

      @Override
      public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
          Throwable error) {
        classesSkipped.incrementAndGet();
        log.info("not instrumenting " + typeName + ": " + reason(error) + "; it runs unchanged");
      }
    };
  }

  private static String reason(Throwable error) {
    String name = error.getClass().getSimpleName();
    if (name.equals("MethodTooLargeException")) {
      return "a method would exceed the JVM's 64 KB code limit with the added calls (" + error.getMessage() + ")";
    }
    return error.getMessage() == null ? name : name + ": " + error.getMessage();
  }
}
