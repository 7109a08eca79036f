// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.bytecode.CallKind;
import io.heapwise.analyzer.bytecode.CallOnPath;
import io.heapwise.analyzer.bytecode.EscapeRoute;
import io.heapwise.analyzer.bytecode.EscapeState;
import io.heapwise.analyzer.bytecode.EscapeVerdict;
import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.model.InliningDecision;
import io.heapwise.analyzer.model.JitActivity;
import io.heapwise.analyzer.model.MethodId;
import io.heapwise.analyzer.model.VmSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reason's words for one refused call: the VM's own limit when the recording lists it, the default said as
 * such when not, and advice that does not ask anyone to split the JDK. Real recordings: {@code EscapeCandidateIT}.
 */
class EscapeReasonTest {

  private static final MethodId CALLER = new MethodId("com.acme.Invoicing", "taxAll", "()J");

  private static EscapeVerdict passedTo(CallOnPath call) {
    return new EscapeVerdict("com.acme.Invoicing", "taxAll", "()J", 39, "com.acme.Money", EscapeState.ARG_ESCAPE,
        EscapeRoute.PASSED_TO_CALLEE, "passed to " + call.name(), List.of(call), false, -1, null);
  }

  private static JitActivity refused(CallOnPath call, String message) {
    MethodId callee = new MethodId(call.owner(), call.name(), call.descriptor());
    return new JitActivity(Map.of(CALLER, JitActivity.C2_LEVEL), true,
        List.of(new InliningDecision(CALLER, 12, callee, false, message, 3)), Map.of(CALLER, 1L));
  }

  @Test
  void anApplicationCalleeTooBigIsToBeSplitAndMeasuredAgainstTheVmsOwnLimit() {
    CallOnPath call = new CallOnPath("com.acme.VatRules", "vatOn", "(Lcom/acme/Money;)J", 39, CallKind.STATIC, 459,
        true, EscapeState.NO_ESCAPE, 1);

    EscapeReason reason = EscapeReason.of(passedTo(call), refused(call, "hot method too big"),
        new VmSettings(Map.of("FreqInlineSize", "400"), true, 8)).orElseThrow();

    assertThat(reason.kind()).isEqualTo(EscapeReason.Kind.CALLEE_TOO_BIG);
    assertThat(reason.why()).contains("\"hot method too big\"", "459 bytes of bytecode, over this VM's FreqInlineSize"
        + " 400");
    assertThat(reason.fix()).startsWith("Split VatRules.vatOn");
    assertThat(reason.confidence()).isEqualTo(Confidence.HIGH);
  }

  @Test
  void aJdkCalleeIsNotToBeSplitAndTheDefaultLimitIsSaidToBeOne() {
    CallOnPath call = new CallOnPath("java.lang.String", "split", "(Ljava/lang/String;)[Ljava/lang/String;", 51,
        CallKind.VIRTUAL, 400, true, EscapeState.NO_ESCAPE, 1);

    EscapeReason reason = EscapeReason.of(passedTo(call), refused(call, "hot method too big"), VmSettings.UNKNOWN)
        .orElseThrow();

    assertThat(reason.why()).contains("over FreqInlineSize 325, the default");
    assertThat(reason.fix()).startsWith("String.split is the JDK's own code, which you cannot split")
        .doesNotContain("Split String.split");
  }
}
