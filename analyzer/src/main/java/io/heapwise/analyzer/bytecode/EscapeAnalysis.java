// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Bytecode escape analysis of a method's allocations, after the rules of C2's (HotSpot's {@code ConnectionGraph}
 * for the compiled method, its {@code BCEscapeAnalyzer} for callees): for each object the method allocates, or
 * receives from a call, whether it stays in the method ({@link EscapeState#NO_ESCAPE}), is only passed to callees
 * that keep it ({@link EscapeState#ARG_ESCAPE}), or gets out ({@link EscapeState#GLOBAL_ESCAPE}), by which
 * {@link EscapeRoute}, and the calls and merges on its path that decide whether C2 can scalar-replace it.
 *
 * <p>The rules, and why:
 * <ul>
 *   <li><b>Tracking.</b> ASM's {@code Analyzer} runs a {@link FlowInterpreter} whose values carry the set of objects a
 *       slot may hold: allocations ({@code new}, {@code newarray}, {@code anewarray}, {@code multianewarray}, a
 *       capturing lambda), call results, parameters, and objects read from parameters. Loops and branches join the
 *       sets, so every later use of an object is seen. A {@code checkcast} keeps the object; comparisons,
 *       {@code instanceof}, {@code arraylength}, field reads and {@code monitorenter}/{@code monitorexit} do not
 *       make it escape (C2 removes the locks of objects that do not escape).
 *   <li><b>Global escape.</b> Stored into a static ({@code putstatic}); stored into a field or element of an object
 *       that escapes, of a parameter's object, or of an object read from the heap; returned ({@code areturn}, or
 *       stored inside the returned object); thrown; passed to a native method, to code that cannot be read (an
 *       interface or abstract method whose receiver's class is unknown, a class that is not on the class path,
 *       an unknown invokedynamic), to a call chain deeper than {@link #DEFAULT_MAX_DEPTH} or recursive, or to a
 *       callee the work bounds stop at. These are C2's GlobalEscape causes.
 *   <li><b>Fields and arrays of objects of this method.</b> Stored into a field or an element of another object
 *       allocated here, an object escapes as far as that container does, and as far as the callees the container
 *       is passed to let its contents go; an object read back from such a container may be anything stored in it.
 *       This is C2's points-to rule, which keeps objects in a non-escaping object's fields non-escaping. For arrays
 *       C2 adds a condition this analysis does not check: an element stored at a non-constant index is not
 *       scalar-replaceable, even when nothing escapes (the detector can read the array's
 *       {@link EscapeVerdict#constantArrayLength()} and the code to tell).
 *   <li><b>Argument escape.</b> An object passed as receiver or argument to a callee whose code does not let that
 *       parameter escape: the callee is analysed the same way, recursively, up to {@link #DEFAULT_MAX_DEPTH} calls
 *       deep (C2's {@code MaxBCEAEstimateLevel}), and its summary cached per method and remaining depth. A
 *       summary also says which parameter the callee returns ({@code StringBuilder.append} returns {@code this},
 *       so a chain of appends is one object), which it stores into which other, and what it does with the objects
 *       it reads from each parameter. Constructors are callees like any other: {@code new T; dup; invokespecial
 *       T.<init>} passes the new object as the constructor's receiver. The empty {@code Object.<init>} is not
 *       listed as a call.
 *   <li><b>Virtual and interface calls</b> are resolved through the class hierarchy from the class the instruction
 *       names (the declared target, then inherited and default methods); when the receiver's exact class is known
 *       (it was allocated here, or a callee returns only objects of one class it allocates, as
 *       {@code ArrayList.iterator()} does), from that class, as C2 does once the allocation is inlined. Such calls
 *       are marked {@link CallOnPath#staticallyBound()} false unless the method or class is final or the exact
 *       class is known: C2 needs a monomorphic profile to inline them. A call of an abstract application method
 *       whose receiver's class is unknown runs one of its implementations: like C2's class hierarchy analysis
 *       over the loaded classes, the implementations found among the declaring class's nest members, permitted
 *       subclasses and package (at most {@value Hierarchy#MAX_IMPLEMENTATIONS}) are analysed and the worst of them
 *       counts; implementations elsewhere (and lambdas) are not seen. For JDK interfaces ({@code List},
 *       {@code Consumer}) the receiver's class must be known, or the callee is unknown code.
 *   <li><b>invokedynamic.</b> A lambda or bound method reference ({@code LambdaMetafactory}) allocates an object
 *       that holds the captured values: they are {@link EscapeRoute#CAPTURED_BY_LAMBDA} and escape as that object
 *       does, which is followed like any allocation. A call of the lambda through its interface, on a lambda of this
 *       method, runs the lambda's body: the captured values and the arguments are passed to it. A non-capturing
 *       lambda is a constant and allocates nothing. String concatenation ({@code StringConcatFactory}), record
 *       methods ({@code ObjectMethods}) and pattern switches ({@code SwitchBootstraps}) only read their arguments:
 *       no escape, listed as a call. Any other bootstrap: unknown code.
 *   <li><b>Intrinsics.</b> {@code System.arraycopy} is native, but C2 compiles it inline and treats both arrays as
 *       ArgEscape, with the source's elements flowing into the destination: so does this analysis.
 *       {@code Object.getClass()} and {@code Object.hashCode()} do not let their receiver escape (C2's bytecode
 *       estimator knows them). An array's {@code clone()} only reads it. Every other native method is a global
 *       escape.
 *   <li><b>Merges.</b> An object that reaches a control-flow merge point together with another value (a live local
 *       or a stack slot that may hold two objects, or an object and null, from different paths) is marked
 *       {@link EscapeVerdict#reachesMerge()}: C2 before JDK 22's {@code ReduceAllocationMerges} does not
 *       scalar-replace it. Only live locals count, as C2 builds phis only for them. A value read from a container
 *       counts as "another value" too, which may mark a merge where C2 has none.
 *   <li><b>Work bounds and odd bytecode.</b> Callees larger than {@value #MAX_CALLEE_CODE} bytes (C2's
 *       {@code HugeMethodLimit}) are not read, at most {@value #METHOD_BUDGET} callees are read per query, and a
 *       method whose bytecode the analyzer cannot follow gets conservative verdicts
 *       ({@link EscapeRoute#ANALYSIS_LIMIT}): no exception leaves this class.
 * </ul>
 *
 * <p>JDK callees are read from the running JDK ({@link JdkClassFiles}), application classes from {@link ClassFiles}.
 * Objects allocated inside a callee and returned (an {@code Iterator} from {@code list.iterator()}, an
 * {@code Integer} from {@code Integer.valueOf}) are judged in the caller by {@link #ofReturnedBy}: a JFR stack shows
 * them at the JDK frame with the application's frame below it.
 */
public final class EscapeAnalysis {

  /** How many calls deep objects are followed: C2's {@code MaxBCEAEstimateLevel}. */
  public static final int DEFAULT_MAX_DEPTH = 5;
  /** C2's {@code HugeMethodLimit}: with {@code DontCompileHugeMethods} (the default) it compiles no longer method. */
  public static final int HUGE_METHOD_LIMIT = 8000;
  /** Callees larger than this are not read: C2 would not compile them. */
  static final int MAX_CALLEE_CODE = HUGE_METHOD_LIMIT;
  /** Callees read per query at most (cached summaries are free): bounds the work on JDK-heavy code. */
  static final int METHOD_BUDGET = 300;

  /** One analysis, with its caches, per class path, for the static entry points. */
  private static final Map<ClassFiles, EscapeAnalysis> SHARED = Collections.synchronizedMap(new WeakHashMap<>());

  private final Hierarchy hierarchy;
  private final int maxDepth;
  private final Map<String, CalleeSummary> summaries = new ConcurrentHashMap<>();

  /** An analysis over these application classes and the JDK's, following calls {@value #DEFAULT_MAX_DEPTH} deep. */
  public EscapeAnalysis(ClassFiles classFiles) {
    this(classFiles, DEFAULT_MAX_DEPTH);
  }

  /** The same, following calls {@code maxDepth} deep (at least 1). */
  public EscapeAnalysis(ClassFiles classFiles, int maxDepth) {
    this.hierarchy = new Hierarchy(classFiles);
    this.maxDepth = Math.max(1, maxDepth);
  }

  /** Escape verdicts of the allocations in every overload of className.methodName. Empty if the class is missing. */
  public static Optional<List<EscapeVerdict>> of(ClassFiles classFiles, String className, String methodName) {
    return shared(classFiles).allocations(className, methodName);
  }

  /**
   * Escape verdicts of the objects returned by the calls at {@code line} of every overload of
   * className.methodName, in the method: where does the {@code Iterator} of {@code list.iterator()} go? One verdict
   * per call returning a reference, with {@link EscapeVerdict#producedBy()} naming it; none for calls that return
   * one of their arguments ({@code sb.append(x)} returns {@code sb}), which create no object. Empty if the class is
   * missing.
   */
  public static Optional<List<EscapeVerdict>> ofReturnedBy(ClassFiles classFiles, String className,
      String methodName, int line) {
    return shared(classFiles).returnedBy(className, methodName, line, null, null);
  }

  /**
   * The same, for the calls named {@code calleeName} only (the JFR frame above the application's; {@code null}:
   * all), treating their result as an object of exactly {@code allocatedType} (binary name, as the recording gives
   * it; {@code null}: as far as the callee's bytecode tells), so that calls on it resolve to that class's methods.
   */
  public static Optional<List<EscapeVerdict>> ofReturnedBy(ClassFiles classFiles, String className,
      String methodName, int line, String calleeName, String allocatedType) {
    return shared(classFiles).returnedBy(className, methodName, line, calleeName, allocatedType);
  }

  private static EscapeAnalysis shared(ClassFiles classFiles) {
    synchronized (SHARED) {
      return SHARED.computeIfAbsent(classFiles, EscapeAnalysis::new);
    }
  }

  /** See {@link #of}. */
  public Optional<List<EscapeVerdict>> allocations(String className, String methodName) {
    return analyse(className, methodName, false, -1, null, null);
  }

  /** See {@link #ofReturnedBy(ClassFiles, String, String, int, String, String)}. */
  public Optional<List<EscapeVerdict>> returnedBy(String className, String methodName, int line, String calleeName,
      String allocatedType) {
    return analyse(className, methodName, true, line, calleeName, allocatedType);
  }

  /** Bytes of bytecode of className.methodName with this descriptor; empty if the class or the method is missing. */
  public OptionalInt codeLength(String className, String methodName, String descriptor) {
    int size = hierarchy.load(className.replace('.', '/'))
        .map(loaded -> loaded.codeLength(methodName, descriptor)).orElse(-1);
    return size < 0 ? OptionalInt.empty() : OptionalInt.of(size);
  }

  private Optional<List<EscapeVerdict>> analyse(String className, String methodName, boolean results, int line,
      String calleeName, String allocatedType) {
    Optional<Hierarchy.LoadedClass> loaded = hierarchy.load(className.replace('.', '/'));
    if (loaded.isEmpty()) {
      return Optional.empty();
    }
    MethodFlow.ExactTypeHint hint = results && allocatedType != null
        ? new MethodFlow.ExactTypeHint(line, calleeName, allocatedType.replace('.', '/'))
        : MethodFlow.ExactTypeHint.NONE;
    List<EscapeVerdict> verdicts = new ArrayList<>();
    for (MethodNode header : loaded.get().node().methods) {
      if (!header.name.equals(methodName)
          || (header.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
        continue;
      }
      MethodFlow flow;
      try {
        MethodNode method = loaded.get().body(header);
        flow = new MethodFlow(this, new Query(), loaded.get(), method, 0, MethodFlow.Mode.TOP, hint);
      } catch (RuntimeException e) {
        continue; // a method this malformed has no allocations anyone can name
      }
      try {
        flow.run();
        verdicts.addAll(results ? flow.resultVerdicts(line, calleeName) : flow.allocationVerdicts());
      } catch (AnalyzerException | RuntimeException e) {
        verdicts.addAll(flow.conservativeVerdicts(String.valueOf(e.getMessage()), results, line, calleeName));
      }
    }
    return Optional.of(List.copyOf(verdicts));
  }

  int maxDepth() {
    return maxDepth;
  }

  Hierarchy hierarchy() {
    return hierarchy;
  }

  // ---- callee summaries

  /** The state of one query: the callees being analysed (for recursion) and the work done. */
  static final class Query {
    private final Set<String> active = new HashSet<>();
    private int analysed;
    private boolean budgetSpent;
  }

  /** What {@code target}, called {@code depth} calls deep, does with its parameters. */
  CalleeSummary summary(Query query, Hierarchy.Target target, int depth, int paramCount) {
    MethodNode method = target.method();
    String id = target.owner().node().name + "." + method.name + method.desc;
    String key = id + "#" + (maxDepth - depth);
    CalleeSummary cached = summaries.get(key);
    if (cached != null) {
      return cached;
    }
    String named = MethodCode.binary(target.owner().node().name) + "." + method.name;
    if (query.active.contains(id)) {
      return CalleeSummary.conservative(paramCount, EscapeRoute.CALL_TOO_DEEP, named + " is called recursively");
    }
    int size = target.owner().codeLength(method);
    if (size > MAX_CALLEE_CODE) {
      CalleeSummary huge = CalleeSummary.conservative(paramCount, EscapeRoute.ANALYSIS_LIMIT,
          named + " has " + size + " bytes of code, more than the analysis reads (" + MAX_CALLEE_CODE + ")");
      summaries.put(key, huge);
      return huge;
    }
    if (query.analysed >= METHOD_BUDGET) {
      query.budgetSpent = true;
      return CalleeSummary.conservative(paramCount, EscapeRoute.ANALYSIS_LIMIT,
          "the analysis had read " + METHOD_BUDGET + " callees for this method when it reached " + named);
    }
    query.analysed++;
    query.active.add(id);
    CalleeSummary summary;
    try {
      summary = new MethodFlow(this, query, target.owner(), target.owner().body(method), depth,
          MethodFlow.Mode.SUMMARY, MethodFlow.ExactTypeHint.NONE).run().summary();
    } catch (AnalyzerException | RuntimeException e) {
      summary = CalleeSummary.conservative(paramCount, EscapeRoute.ANALYSIS_LIMIT,
          "could not analyse " + named + ": " + e.getMessage());
    } finally {
      query.active.remove(id);
    }
    if (!query.budgetSpent) {
      summaries.put(key, summary); // a summary cut short by the budget would be worse than the method deserves
    }
    return summary;
  }
}
