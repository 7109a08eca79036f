// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.heapwise.analyzer.bytecode.escape.Routes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Escape verdicts on the compiled methods of {@link Routes}, one route each, read from the test class path as
 * {@code --classpath} would give them; JDK callees come from the running JDK (17 or 25 in CI), so assertions on
 * objects that reach JDK code hold on both.
 */
class EscapeAnalysisTest {

  private static final String ROUTES = Routes.class.getName();
  private static final String VEC = "io.heapwise.analyzer.bytecode.escape.Vec";

  private static ClassFiles tests;

  @BeforeAll
  static void open() throws Exception {
    tests = ClassFiles.open(List.of(Path.of(EscapeAnalysisTest.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI())));
  }

  @AfterAll
  static void close() throws Exception {
    tests.close();
  }

  // ---- no escape

  @Test
  void scratchArrayUsedOnlyHereDoesNotEscape() {
    EscapeVerdict pair = only("localScratch");
    assertVerdict(pair, EscapeState.NO_ESCAPE, EscapeRoute.NONE);
    assertThat(pair.allocatedType()).isEqualTo("double[]");
    assertThat(pair.calls()).isEmpty();
    assertThat(pair.constantArrayLength()).isEqualTo(2);
    assertThat(pair.producedBy()).isNull();
  }

  @Test
  void lockObjectDoesNotEscapeAndObjectsConstructorIsNoCall() {
    EscapeVerdict lock = only("localLock");
    assertThat(lock.allocatedType()).isEqualTo("java.lang.Object");
    assertVerdict(lock, EscapeState.NO_ESCAPE, EscapeRoute.NONE);
    assertThat(lock.calls()).isEmpty();
  }

  // ---- argument escape

  @Test
  void passedToItsConstructorAndASmallPrivateHelperIsAnArgumentEscape() {
    EscapeVerdict v = only("passedToHelper");
    assertThat(v.allocatedType()).isEqualTo(VEC);
    assertVerdict(v, EscapeState.ARG_ESCAPE, EscapeRoute.PASSED_TO_CALLEE);
    assertThat(v.calls()).extracting(CallOnPath::owner, CallOnPath::name, CallOnPath::kind, CallOnPath::staticallyBound,
        CallOnPath::calleeVerdict, CallOnPath::depth).containsExactly(
            tuple(VEC, "<init>", CallKind.CONSTRUCTOR, true, EscapeState.NO_ESCAPE, 1),
            tuple(ROUTES, "norm", CallKind.STATIC, true, EscapeState.NO_ESCAPE, 1));
    assertThat(v.calls().get(1).calleeBytecodeSize()).isEqualTo(codeLength(ROUTES, "norm"));
    assertThat(v.calls().get(0).line()).isEqualTo(v.line());
    assertThat(v.reachesMerge()).isFalse();
  }

  @Test
  void storedIntoALocalArrayThatStaysLocalIsAsGoodAsTheArray() {
    List<EscapeVerdict> verdicts = all("storedInLocalArray");
    assertThat(verdicts).extracting(EscapeVerdict::allocatedType, EscapeVerdict::state).containsExactly(
        tuple(VEC + "[]", EscapeState.NO_ESCAPE),
        tuple(VEC, EscapeState.ARG_ESCAPE),
        tuple(VEC, EscapeState.ARG_ESCAPE));
  }

  @Test
  void arraycopyIsAnIntrinsicThatC2TreatsAsArgEscape() {
    EscapeVerdict copy = only("copiedByArraycopy");
    assertVerdict(copy, EscapeState.ARG_ESCAPE, EscapeRoute.PASSED_TO_CALLEE);
    assertThat(copy.calls()).singleElement().satisfies(call -> {
      assertThat(call.owner() + "." + call.name()).isEqualTo("java.lang.System.arraycopy");
      assertThat(call.calleeVerdict()).isEqualTo(EscapeState.ARG_ESCAPE);
      assertThat(call.calleeBytecodeSize()).isEqualTo(-1);
    });
  }

  // ---- global escape

  @Test
  void storedToAFieldEscapes() {
    EscapeVerdict v = only("storedToField");
    assertVerdict(v, EscapeState.GLOBAL_ESCAPE, EscapeRoute.FIELD_STORE);
    assertThat(v.routeDetail()).isEqualTo("stored to field " + ROUTES + ".cached at Routes.java:" + v.line());
  }

  @Test
  void storedToAStaticEscapes() {
    EscapeVerdict v = only("storedToStatic");
    assertVerdict(v, EscapeState.GLOBAL_ESCAPE, EscapeRoute.STATIC_STORE);
    assertThat(v.routeDetail()).startsWith("stored to static field " + ROUTES + ".lastOrigin at Routes.java:");
  }

  @Test
  void storedIntoAnArrayFromElsewhereEscapes() {
    assertVerdict(only("storedToArray"), EscapeState.GLOBAL_ESCAPE, EscapeRoute.ARRAY_STORE);
  }

  @Test
  void storedIntoALocalArrayThatEscapesEscapesWithIt() {
    List<EscapeVerdict> verdicts = all("storedInEscapingArray");
    assertThat(verdicts).extracting(EscapeVerdict::allocatedType, EscapeVerdict::state, EscapeVerdict::route)
        .containsExactly(
            tuple(VEC + "[]", EscapeState.GLOBAL_ESCAPE, EscapeRoute.STATIC_STORE),
            tuple(VEC, EscapeState.GLOBAL_ESCAPE, EscapeRoute.ARRAY_STORE));
    assertThat(verdicts.get(1).routeDetail()).contains("which escapes: stored to static field");
  }

  @Test
  void returnedEscapes() {
    assertVerdict(only("returned"), EscapeState.GLOBAL_ESCAPE, EscapeRoute.RETURNED);
  }

  @Test
  void thrownEscapesAndTheThrowNamesTheRouteOverTheConstructorsNativeCode() {
    EscapeVerdict v = only("thrown");
    assertThat(v.allocatedType()).isEqualTo("java.lang.IllegalStateException");
    assertVerdict(v, EscapeState.GLOBAL_ESCAPE, EscapeRoute.THROWN);
    assertThat(v.calls().get(0)).satisfies(constructor -> {
      assertThat(constructor.name()).isEqualTo("<init>");
      assertThat(constructor.calleeVerdict()).isEqualTo(EscapeState.GLOBAL_ESCAPE); // Throwable fills its trace
    });
  }

  @Test
  void passedToAnInterfaceMethodOfUnknownReceiverEscapes() {
    EscapeVerdict v = only("passedToUnknownCode");
    assertVerdict(v, EscapeState.GLOBAL_ESCAPE, EscapeRoute.UNKNOWN_CALLEE);
    assertThat(v.calls()).last().satisfies(call -> {
      assertThat(call.owner() + "." + call.name()).isEqualTo("java.util.function.Consumer.accept");
      assertThat(call.kind()).isEqualTo(CallKind.INTERFACE);
      assertThat(call.staticallyBound()).isFalse();
    });
  }

  @Test
  void passedToNativeCodeEscapes() {
    EscapeVerdict v = only("passedToNativeCode");
    assertVerdict(v, EscapeState.GLOBAL_ESCAPE, EscapeRoute.NATIVE_CALLEE);
    assertThat(v.routeDetail()).endsWith(ROUTES + ".register is native");
  }

  @Test
  void passedDeeperThanTheBoundEscapes() {
    EscapeVerdict v = only("passedTooDeep");
    assertVerdict(v, EscapeState.GLOBAL_ESCAPE, EscapeRoute.CALL_TOO_DEEP);
    assertThat(v.calls()).filteredOn(call -> call.name().startsWith("level"))
        .extracting(CallOnPath::name, CallOnPath::depth)
        .containsExactly(tuple("level1", 1), tuple("level2", 2), tuple("level3", 3), tuple("level4", 4),
            tuple("level5", 5), tuple("level6", 6));
    // One more level followed, and the chain is only read.
    EscapeVerdict deeper = new EscapeAnalysis(tests, 6).allocations(ROUTES, "passedTooDeep").orElseThrow().get(0);
    assertVerdict(deeper, EscapeState.ARG_ESCAPE, EscapeRoute.PASSED_TO_CALLEE);
  }

  @Test
  void recursionStopsTheAnalysis() {
    EscapeVerdict v = only("recursive");
    assertVerdict(v, EscapeState.GLOBAL_ESCAPE, EscapeRoute.CALL_TOO_DEEP);
    assertThat(v.routeDetail()).endsWith(ROUTES + ".descend is called recursively");
  }

  @Test
  void aHelperThatStoresItsArgumentToAStaticGivesItsOwnRoute() {
    EscapeVerdict v = only("storedByHelper");
    assertVerdict(v, EscapeState.GLOBAL_ESCAPE, EscapeRoute.STATIC_STORE);
    assertThat(v.routeDetail()).startsWith("passed to " + ROUTES + ".remember at Routes.java:")
        .contains("stored to static field " + ROUTES + ".lastOrigin");
  }

  // ---- constructors

  @Test
  void constructorThatStoresThisToAStaticLetsTheObjectEscape() {
    EscapeVerdict v = only("constructorLeaksThis");
    assertThat(v.allocatedType()).isEqualTo("io.heapwise.analyzer.bytecode.escape.Listener");
    assertVerdict(v, EscapeState.GLOBAL_ESCAPE, EscapeRoute.STATIC_STORE);
    assertThat(v.routeDetail()).contains("Listener.<init>").contains("Listener.latest at Listener.java:");
    assertThat(v.calls()).singleElement().satisfies(call -> {
      assertThat(call.kind()).isEqualTo(CallKind.CONSTRUCTOR);
      assertThat(call.calleeVerdict()).isEqualTo(EscapeState.GLOBAL_ESCAPE);
    });
  }

  @Test
  void constructorThatOnlyInitialisesFieldsKeepsTheObject() {
    EscapeVerdict v = only("constructorKeepsThis");
    assertVerdict(v, EscapeState.ARG_ESCAPE, EscapeRoute.PASSED_TO_CALLEE);
    assertThat(v.calls()).singleElement().satisfies(call -> {
      assertThat(call.calleeVerdict()).isEqualTo(EscapeState.NO_ESCAPE);
      assertThat(call.calleeBytecodeSize()).isEqualTo(codeLength(VEC, "<init>"));
    });
  }

  // ---- lambdas

  @Test
  void lambdaStoredToAStaticTakesWhatItCapturedWithIt() {
    List<EscapeVerdict> verdicts = all("capturedByStoredLambda");
    assertThat(verdicts).extracting(EscapeVerdict::allocatedType, EscapeVerdict::state, EscapeVerdict::route)
        .containsExactly(
            tuple(VEC, EscapeState.GLOBAL_ESCAPE, EscapeRoute.CAPTURED_BY_LAMBDA),
            tuple(ROUTES + "$$Lambda", EscapeState.GLOBAL_ESCAPE, EscapeRoute.STATIC_STORE));
  }

  @Test
  void lambdaCalledHereKeepsWhatItCaptured() {
    List<EscapeVerdict> verdicts = all("capturedByLocalLambda");
    assertThat(verdicts).extracting(EscapeVerdict::allocatedType, EscapeVerdict::state, EscapeVerdict::route)
        .containsExactly(
            tuple(VEC, EscapeState.ARG_ESCAPE, EscapeRoute.CAPTURED_BY_LAMBDA),
            tuple(ROUTES + "$$Lambda", EscapeState.ARG_ESCAPE, EscapeRoute.PASSED_TO_CALLEE));
    // javac numbers lambda bodies differently from release to release: lambda$capturedByLocalLambda$0 or $1.
    assertThat(verdicts.get(0).calls()).extracting(call -> call.name().replaceFirst("\\$\\d+$", ""),
        CallOnPath::kind, CallOnPath::depth)
        .containsExactly(
            tuple("<init>", CallKind.CONSTRUCTOR, 1),
            tuple("lambda$capturedByLocalLambda", CallKind.LAMBDA_BODY, 1),
            tuple("length", CallKind.VIRTUAL, 2));
    assertThat(verdicts.get(1).calls()).singleElement()
        .satisfies(call -> assertThat(call.owner() + "." + call.name())
            .isEqualTo("java.util.function.DoubleSupplier.getAsDouble"));
  }

  // ---- varargs

  @Test
  void formatsVarargsArrayIsReadByFormatterButTheBoxedIntegerInItEscapes() {
    EscapeVerdict arguments = only("formatted");
    assertThat(arguments.allocatedType()).isEqualTo("java.lang.Object[]");
    assertThat(arguments.constantArrayLength()).isEqualTo(1);
    // Formatter reads the array (length, elements) on 17 and 25 alike; what it holds goes to unknown code.
    assertVerdict(arguments, EscapeState.ARG_ESCAPE, EscapeRoute.PASSED_TO_CALLEE);
    assertThat(arguments.calls().get(0).owner() + "." + arguments.calls().get(0).name())
        .isEqualTo("java.lang.String.format");
    EscapeVerdict boxed = returnedBy("formatted", "valueOf");
    assertThat(boxed.allocatedType()).isEqualTo("java.lang.Integer");
    assertThat(boxed.producedBy()).isEqualTo("java.lang.Integer.valueOf(I)Ljava/lang/Integer;");
    assertVerdict(boxed, EscapeState.GLOBAL_ESCAPE, EscapeRoute.ARRAY_STORE);
    assertThat(boxed.routeDetail()).contains("into the java.lang.Object[] allocated at Routes.java:" + boxed.line())
        .contains("whose contents escape");
  }

  @Test
  void varargsArrayReadByTheCalleeIsAnArgumentEscape() {
    EscapeVerdict values = only("varargsKeptByCallee");
    assertThat(values.allocatedType()).isEqualTo("int[]");
    assertThat(values.constantArrayLength()).isEqualTo(3);
    assertVerdict(values, EscapeState.ARG_ESCAPE, EscapeRoute.PASSED_TO_CALLEE);
  }

  @Test
  void varargsArrayKeptByTheCalleeEscapes() {
    EscapeVerdict arguments = only("varargsStoredByCallee");
    assertVerdict(arguments, EscapeState.GLOBAL_ESCAPE, EscapeRoute.STATIC_STORE);
    assertThat(arguments.routeDetail()).contains("logLater");
  }

  // ---- objects returned by calls: iterators and boxing

  @Test
  void iteratorOfAnArrayListIsOnlyPassedToItsOwnMethods() {
    EscapeVerdict iterator = returnedBy("totalLength", "iterator");
    assertThat(iterator.allocatedType()).isEqualTo("java.util.ArrayList$Itr");
    assertThat(iterator.producedBy()).isEqualTo("java.util.ArrayList.iterator()Ljava/util/Iterator;");
    assertVerdict(iterator, EscapeState.ARG_ESCAPE, EscapeRoute.PASSED_TO_CALLEE);
    assertThat(iterator.calls()).filteredOn(call -> call.depth() == 1)
        .extracting(CallOnPath::owner, CallOnPath::name, CallOnPath::staticallyBound)
        .containsExactly(tuple("java.util.ArrayList$Itr", "hasNext", true),
            tuple("java.util.ArrayList$Itr", "next", true));
  }

  @Test
  void iteratorStaysWhenTheElementsItReturnsEscape() {
    EscapeVerdict iterator = returnedBy("collectInto", "iterator");
    assertVerdict(iterator, EscapeState.ARG_ESCAPE, EscapeRoute.PASSED_TO_CALLEE);
  }

  @Test
  void iteratorOfAnInterfaceIsUnknownUnlessTheRecordingNamesItsClass() {
    EscapeVerdict unknown = returnedBy("totalLengthOfList", "iterator");
    assertThat(unknown.allocatedType()).isEqualTo("java.util.Iterator");
    assertVerdict(unknown, EscapeState.GLOBAL_ESCAPE, EscapeRoute.UNKNOWN_CALLEE);

    int line = lineOfCall("totalLengthOfList", "iterator");
    EscapeVerdict known = EscapeAnalysis.ofReturnedBy(tests, ROUTES, "totalLengthOfList", line, "iterator",
        "java.util.ArrayList$Itr").orElseThrow().get(0);
    assertThat(known.allocatedType()).isEqualTo("java.util.ArrayList$Itr");
    assertVerdict(known, EscapeState.ARG_ESCAPE, EscapeRoute.PASSED_TO_CALLEE);
  }

  @Test
  void boxedIntegerUsedLocallyIsAnArgumentEscape() {
    EscapeVerdict boxed = returnedBy("boxedLocally", "valueOf");
    assertVerdict(boxed, EscapeState.ARG_ESCAPE, EscapeRoute.PASSED_TO_CALLEE);
    assertThat(boxed.calls()).extracting(CallOnPath::name, CallOnPath::staticallyBound, CallOnPath::calleeVerdict)
        .containsExactly(tuple("hashCode", true, EscapeState.NO_ESCAPE), tuple("intValue", true,
            EscapeState.NO_ESCAPE));
  }

  @Test
  void boxedIntegerPutIntoAMapEscapes() {
    assertVerdict(returnedBy("boxedIntoMap", "valueOf"), EscapeState.GLOBAL_ESCAPE, EscapeRoute.UNKNOWN_CALLEE);
  }

  @Test
  void returnedByAllCallsOfTheLineWhenNoCalleeIsNamed() {
    int line = lineOfCall("boxedIntoMap", "valueOf");
    assertThat(EscapeAnalysis.ofReturnedBy(tests, ROUTES, "boxedIntoMap", line).orElseThrow())
        .extracting(EscapeVerdict::producedBy)
        .containsExactly("java.lang.Integer.valueOf(I)Ljava/lang/Integer;",
            "java.util.Map.put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;");
  }

  @Test
  void appendReturnsItsReceiverSoAChainIsOneObject() {
    EscapeVerdict text = only("label");
    assertThat(text.calls()).filteredOn(call -> call.depth() == 1).extracting(CallOnPath::name, CallOnPath::descriptor)
        .containsExactly(tuple("<init>", "()V"),
            tuple("append", "(Ljava/lang/String;)Ljava/lang/StringBuilder;"),
            tuple("append", "(I)Ljava/lang/StringBuilder;"),
            tuple("toString", "()Ljava/lang/String;"));
  }

  @Test
  void aCallThatReturnsItsReceiverCreatesNoObject() {
    int line = lineOfCall("label", "append");
    assertThat(EscapeAnalysis.ofReturnedBy(tests, ROUTES, "label", line).orElseThrow()).isEmpty();
  }

  // ---- abstract methods: the implementations found

  @Test
  void abstractMethodWhoseImplementationsOnlyReadIsAnArgumentEscapeNotBound() {
    EscapeVerdict size = only("areaOf");
    assertVerdict(size, EscapeState.ARG_ESCAPE, EscapeRoute.PASSED_TO_CALLEE);
    assertThat(size.calls()).last().satisfies(call -> {
      assertThat(call.owner() + "." + call.name()).isEqualTo("io.heapwise.analyzer.bytecode.escape.Shape.area");
      assertThat(call.staticallyBound()).isFalse();
      assertThat(call.calleeVerdict()).isEqualTo(EscapeState.NO_ESCAPE);
    });
  }

  @Test
  void abstractMethodWithOneImplementationThatStoresItsArgumentEscapes() {
    EscapeVerdict position = only("recordPosition");
    assertVerdict(position, EscapeState.GLOBAL_ESCAPE, EscapeRoute.STATIC_STORE);
    assertThat(position.routeDetail()).contains("LastPositionRecorder.last");
  }

  // ---- merges and array lengths

  @Test
  void bothArmsOfAConditionalReachTheMerge() {
    assertThat(all("merged")).extracting(EscapeVerdict::allocatedType, EscapeVerdict::reachesMerge)
        .containsExactly(tuple(VEC, true), tuple(VEC, true));
  }

  @Test
  void aSlotReusedForAnotherVariableIsNoMerge() {
    assertThat(all("reusedSlot")).extracting(EscapeVerdict::reachesMerge).containsExactly(false, false);
  }

  @Test
  void constantArrayLengthsAreKnown() {
    assertThat(only("smallWindow").constantArrayLength()).isEqualTo(8);
    assertThat(only("largeWindow").constantArrayLength()).isEqualTo(100);
    assertThat(only("sizedWindow").constantArrayLength()).isEqualTo(-1);
  }

  // ---- class files

  @Test
  void missingClassIsEmptyAndJdkClassesAreReadFromTheRunningJdk() {
    assertThat(EscapeAnalysis.of(tests, "com.acme.Missing", "run")).isEmpty();
    assertThat(EscapeAnalysis.of(ClassFiles.NONE, ROUTES, "returned")).isEmpty();
    assertThat(EscapeAnalysis.of(ClassFiles.NONE, "java.util.ArrayList", "iterator").orElseThrow())
        .singleElement().satisfies(iterator -> {
          assertThat(iterator.allocatedType()).isEqualTo("java.util.ArrayList$Itr");
          assertVerdict(iterator, EscapeState.GLOBAL_ESCAPE, EscapeRoute.RETURNED);
          assertThat(iterator.routeDetail()).startsWith("returned at ArrayList.java:");
        });
    assertThat(JdkClassFiles.find("java.util.ArrayList$Itr")).isPresent();
    assertThat(JdkClassFiles.find("com.acme.Missing")).isEmpty();
  }

  @Test
  void bytecodeTheAnalyzerCannotFollowGetsConservativeVerdicts() {
    ClassFiles broken = ClassFiles.NONE.withEmbedded(Map.of("com.acme.Broken", brokenClass()));
    EscapeVerdict v = EscapeAnalysis.of(broken, "com.acme.Broken", "make").orElseThrow().get(0);
    assertThat(v.allocatedType()).isEqualTo("java.lang.Object");
    assertVerdict(v, EscapeState.GLOBAL_ESCAPE, EscapeRoute.ANALYSIS_LIMIT);
  }

  /** {@code new Object; pop; pop; return}: the second pop underflows the stack. */
  private static byte[] brokenClass() {
    ClassWriter writer = new ClassWriter(0);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "com/acme/Broken", null, "java/lang/Object", null);
    var method = writer.visitMethod(Opcodes.ACC_STATIC, "make", "()V", null, null);
    method.visitCode();
    method.visitTypeInsn(Opcodes.NEW, "java/lang/Object");
    method.visitInsn(Opcodes.POP);
    method.visitInsn(Opcodes.POP);
    method.visitInsn(Opcodes.RETURN);
    method.visitMaxs(1, 0);
    method.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  // ---- helpers

  private static List<EscapeVerdict> all(String method) {
    return EscapeAnalysis.of(tests, ROUTES, method).orElseThrow();
  }

  private static EscapeVerdict only(String method) {
    List<EscapeVerdict> verdicts = all(method);
    assertThat(verdicts).as("allocations of %s", method).hasSize(1);
    return verdicts.get(0);
  }

  private static EscapeVerdict returnedBy(String method, String callee) {
    List<EscapeVerdict> verdicts = EscapeAnalysis.ofReturnedBy(tests, ROUTES, method, lineOfCall(method, callee),
        callee, null).orElseThrow();
    assertThat(verdicts).as("objects returned by %s in %s", callee, method).hasSize(1);
    return verdicts.get(0);
  }

  private static void assertVerdict(EscapeVerdict verdict, EscapeState state, EscapeRoute route) {
    assertThat(verdict.state()).as(verdict.routeDetail()).isEqualTo(state);
    assertThat(verdict.route()).as(verdict.routeDetail()).isEqualTo(route);
  }

  private static MethodNode method(String className, String name) {
    ClassNode node = new ClassNode();
    new ClassReader(tests.find(className).orElseThrow()).accept(node, 0);
    return node.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
  }

  /** The source line of the first call named {@code callee} in {@code method}. */
  private static int lineOfCall(String method, String callee) {
    int line = -1;
    for (AbstractInsnNode insn : method(ROUTES, method).instructions) {
      if (insn instanceof LineNumberNode number) {
        line = number.line;
      } else if (insn instanceof MethodInsnNode call && call.name.equals(callee)) {
        return line;
      }
    }
    throw new AssertionError("no call of " + callee + " in " + method);
  }

  private static int codeLength(String className, String name) {
    MethodNode target = method(className, name);
    return CodeLengths.of(tests.find(className).orElseThrow()).get(target.name + target.desc);
  }
}
