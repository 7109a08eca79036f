// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.CallOnPath;
import io.heapwise.analyzer.bytecode.EscapeVerdict;
import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.model.InliningDecision;
import io.heapwise.analyzer.model.JitActivity;
import io.heapwise.analyzer.model.VmSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why C2 left an object on the heap although the bytecode says it does not escape: found from the evidence in
 * order of how directly it shows the cause, C2's own inlining decisions first.
 *
 * @param kind the cause
 * @param why one sentence: the cause with its evidence
 * @param fix one or two sentences: the change that removes it
 * @param confidence {@code HIGH} when C2's recorded decision shows it, {@code MEDIUM} when the bytecode and the VM's
 *     limits imply it
 */
record EscapeReason(Kind kind, String why, String fix, Confidence confidence) {

  /** The causes, as the evidence names them. */
  enum Kind {
    /** A callee on the object's path is larger than C2 inlines ({@code FreqInlineSize}, {@code MaxInlineSize}). */
    CALLEE_TOO_BIG,
    /** C2 did not inline the callee because its compiled code was already large ({@code InlineSmallCode}). */
    ALREADY_COMPILED_BIG,
    /** The object is passed into recursion deeper than C2 inlines. */
    RECURSION,
    /** A virtual or interface call on the path whose profile saw several receiver classes: C2 keeps the call. */
    POLYMORPHIC_CALL,
    /** Another reason C2 gave for keeping a call on the path. */
    NOT_INLINED,
    /** An array longer than {@code EliminateAllocationArraySizeLimit}, or of a length only known at run time. */
    ARRAY_TOO_LONG,
    /** The object meets another value at a control-flow merge (a phi), which C2 does not split. */
    MERGE_POINT,
    /** The method never ran as C2-compiled code during the recording: C2 switched off, or the method too long. */
    NOT_COMPILED_BY_C2
  }

  static final String FREQ_INLINE_SIZE = "FreqInlineSize";
  static final String MAX_INLINE_SIZE = "MaxInlineSize";
  static final String ARRAY_SIZE_LIMIT = "EliminateAllocationArraySizeLimit";
  private static final long DEFAULT_FREQ_INLINE_SIZE = 325;
  private static final long DEFAULT_MAX_INLINE_SIZE = 35;
  private static final long DEFAULT_ARRAY_SIZE_LIMIT = 64;

  /**
   * The reason for {@code verdict}'s object, or empty when the evidence shows none: then the site is not reported,
   * since a finding without a cause gives nothing to change.
   */
  static Optional<EscapeReason> of(EscapeVerdict verdict, JitActivity jit, VmSettings vm) {
    Optional<EscapeReason> call = fromInlining(verdict, jit, vm);
    if (call.isPresent()) {
      return call;
    }
    if (verdict.allocatedType().endsWith("[]")) {
      long limit = vm.longFlag(ARRAY_SIZE_LIMIT, -1);
      String limitText = limit < 0 ? DEFAULT_ARRAY_SIZE_LIMIT + " (the default; the recording does not list it)"
          : limit + " (this VM's " + ARRAY_SIZE_LIMIT + ")";
      long effective = limit < 0 ? DEFAULT_ARRAY_SIZE_LIMIT : limit;
      if (verdict.constantArrayLength() < 0 || verdict.constantArrayLength() > effective) {
        String length = verdict.constantArrayLength() < 0 ? "a length known only at run time"
            : verdict.constantArrayLength() + " elements";
        return Optional.of(new EscapeReason(Kind.ARRAY_TOO_LONG, String.format(Locale.ROOT,
            "C2 scalar-replaces arrays of a constant length up to %s elements, indexed by constants; this one has %s.",
            limitText, length),
            "Work on the data where it is (read the source twice, or keep running values in primitive locals), or "
                + "allocate the scratch array once per instance or thread and reuse it.", Confidence.MEDIUM));
      }
    }
    if (verdict.reachesMerge()) {
      return Optional.of(new EscapeReason(Kind.MERGE_POINT, "The object meets another value at a control-flow merge"
          + " (assigned on two paths, or carried around a loop), and C2 does not scalar-replace an object that"
          + " reaches such a merge (JDK 22 and later split only simple ones).",
          "Keep the fields in primitive locals (e.g. two ints instead of a position object) and make the object "
              + "once, where it must exist; or assign it on one path only.", Confidence.MEDIUM));
    }
    return Optional.empty();
  }

  /** The first call on the object's path that C2 did not inline, from its recorded decisions, else the bytecode. */
  private static Optional<EscapeReason> fromInlining(EscapeVerdict verdict, JitActivity jit, VmSettings vm) {
    for (CallOnPath call : verdict.calls()) {
      List<InliningDecision> decisions = decisionsFor(call, jit);
      // A refusal counts even where C2 inlined the same call elsewhere: a recursive call is inlined one level deep
      // and refused below it, and the object that goes on allocating after warm-up is the one it was refused for.
      Optional<InliningDecision> refused = decisions.stream().filter(d -> !d.succeeded()).findFirst();
      String callee = simple(call.owner()) + "." + call.name();
      if (refused.isPresent()) {
        return Optional.of(refusal(call, callee, refused.get(), vm));
      }
      if (decisions.isEmpty() && !call.staticallyBound() && !jit.c2Inlining().isEmpty()
          && jit.highestLevel(verdict.className(), verdict.methodName()).orElse(0) == JitActivity.C2_LEVEL) {
        return Optional.of(new EscapeReason(Kind.POLYMORPHIC_CALL, "It is passed to " + callee + ", a "
            + call.kind().name().toLowerCase(Locale.ROOT) + " call that C2 never tried to inline: its profile saw"
            + " more receiver classes than C2 inlines (two), so the call stays and the object must exist for it.",
            "Pass the fields (primitives) to " + callee + " instead of the object, or make the call monomorphic: "
                + "one final class, or a switch over a sealed type with each case calling its own method.",
            Confidence.HIGH));
      }
    }
    return Optional.empty();
  }

  private static EscapeReason refusal(CallOnPath call, String callee, InliningDecision decision, VmSettings vm) {
    String message = decision.message();
    String said = "C2 did not inline " + callee + " on the object's path: \"" + message + "\"";
    // The JDK's methods cannot be split by the reader; what they can change is whether this path calls them.
    String split = isJdk(call.owner())
        ? callee + " is the JDK's own code, which you cannot split: do this path's work without it (e.g. a loop with"
            + " indexOf instead of split, a primitive instead of a box), or pass the object's fields as primitives."
        : null;
    if (message.contains("recursive")) {
      return new EscapeReason(Kind.RECURSION, said + " (C2 inlines a recursive call one level deep).",
          "Pass the fields (primitives) down the recursion instead of the object, or turn the recursion into a loop.",
          Confidence.HIGH);
    }
    if (message.contains("already compiled into a big method")) {
      return new EscapeReason(Kind.ALREADY_COMPILED_BIG, said + ": its compiled code was already larger than "
          + "InlineSmallCode.", split != null ? split : "Split " + callee + " so that the part taking the object is"
          + " small, or pass its fields as primitives.", Confidence.HIGH);
    }
    if (message.contains("too big") || message.contains("too large")) {
      boolean hot = message.contains("hot");
      String flag = hot ? FREQ_INLINE_SIZE : MAX_INLINE_SIZE;
      long limit = vm.longFlag(flag, -1);
      String limitText = limit < 0 ? flag + " " + (hot ? DEFAULT_FREQ_INLINE_SIZE : DEFAULT_MAX_INLINE_SIZE)
          + ", the default" : "this VM's " + flag + " " + limit;
      String size = call.calleeBytecodeSize() > 0
          ? " (" + call.calleeBytecodeSize() + " bytes of bytecode, over " + limitText + ")" : "";
      return new EscapeReason(Kind.CALLEE_TOO_BIG, said + size + ".", split != null ? split : "Split " + callee
          + ": keep the part that takes the object under the limit and move rare or long branches into methods of"
          + " their own; or pass the object's fields as primitives.", Confidence.HIGH);
    }
    if (message.contains("static binding") || message.contains("virtual")) {
      return new EscapeReason(Kind.POLYMORPHIC_CALL, said + ".", "Pass the fields (primitives) to " + callee
          + " instead of the object, or make the call monomorphic (a final class, or a switch over a sealed type).",
          Confidence.HIGH);
    }
    return new EscapeReason(Kind.NOT_INLINED, said + ".", split != null ? split : "Make " + callee + " smaller or"
        + " statically bound, or pass the object's fields as primitives.", Confidence.HIGH);
  }

  private static boolean isJdk(String className) {
    return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
        || className.startsWith("sun.") || className.startsWith("com.sun.");
  }

  /** C2's decisions about {@code call}, by the callee's class and name (and descriptor when both have one). */
  private static List<InliningDecision> decisionsFor(CallOnPath call, JitActivity jit) {
    List<InliningDecision> found = new ArrayList<>();
    for (InliningDecision d : jit.c2Inlining()) {
      if (d.callee().className().equals(call.owner()) && d.callee().name().equals(call.name())
          && (d.callee().descriptor().isEmpty() || d.callee().descriptor().equals(call.descriptor()))) {
        found.add(d);
      }
    }
    return found;
  }

  static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
