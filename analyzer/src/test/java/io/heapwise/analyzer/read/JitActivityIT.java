// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.model.InliningDecision;
import io.heapwise.analyzer.model.JitActivity;
import io.heapwise.analyzer.testing.SampleRecording;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * The JIT's decisions as the analyzer reads them from a recording of the escape sample, whose hot method hands a
 * small vector to a megamorphic call C2 cannot inline: checked against the JDK's own reader of the same file.
 */
class JitActivityIT {

  private static final String KERNEL = "io.heapwise.samples.escape.GeometryKernel";

  @Test
  void c2sDecisionsAndCompiledTiersAreReadFromAnAgentRecording() throws Exception {
    Path dir = TestEnvironment.workDir("JitActivityIT");
    SampleRecording recording = SampleRecording.withAgent(TestEnvironment.agentJar(), KERNEL, "log=none", 4, dir);

    JitActivity jit = new Analyzer().profile(List.of(recording.jfr()), AnalysisOptions.defaults()).jit();

    assertThat(jit.everyCompilationRecorded()).isTrue();
    assertThat(jit.highestLevel(KERNEL, "collide")).hasValue(JitActivity.C2_LEVEL);
    // Inlined into collide, the vector's constructor was first C2-compiled no later than collide itself.
    assertThat(jit.firstC2(KERNEL, "collide")).isPresent();
    assertThat(jit.firstC2("io.heapwise.samples.escape.Vec2", "<init>").getAsLong())
        .isLessThanOrEqualTo(jit.firstC2(KERNEL, "collide").getAsLong());
    List<InliningDecision> inCollide = jit.decisionsIn(KERNEL, "collide");
    // A call whose profile saw three receiver classes is not an inlining candidate for C2 at all: it records no
    // decision there, and certainly no inlining.
    assertThat(inCollide).noneMatch(d -> d.callee().shortName().equals("WallMaterial.impulse") && d.succeeded());
    assertThat(inCollide).anySatisfy(d -> {
      assertThat(d.callee().shortName()).isEqualTo("Vec2.<init>");
      assertThat(d.succeeded()).isTrue();
    });
    // Every C2 decision the analyzer kept is one the JDK's reader finds in the file, for a C2 compilation.
    List<RecordedEvent> events = RecordingFile.readAllEvents(recording.jfr());
    for (InliningDecision decision : inCollide) {
      assertThat(events).anySatisfy(e -> {
        assertThat(e.getEventType().getName()).isEqualTo("jdk.CompilerInlining");
        assertThat(e.getInt("bci")).isEqualTo(decision.bytecodeIndex());
        assertThat(e.getString("message")).isEqualTo(decision.message());
        assertThat(events).anySatisfy(c -> {
          assertThat(c.getEventType().getName()).isEqualTo("jdk.Compilation");
          assertThat(c.getInt("compileId")).isEqualTo(e.getInt("compileId"));
          assertThat(c.getInt("compileLevel")).isEqualTo(JitActivity.C2_LEVEL);
        });
      });
    }
  }

  @Test
  void theJdksProfileSettingsRecordNoInliningAndOnlySlowCompilations() throws Exception {
    Path dir = TestEnvironment.workDir("JitActivityIT-profile");
    SampleRecording recording = SampleRecording.withJdkSettings(KERNEL, "profile", 2, dir);

    JitActivity jit = new Analyzer().profile(List.of(recording.jfr()), AnalysisOptions.defaults()).jit();

    assertThat(jit.c2Inlining()).isEmpty();
    assertThat(jit.everyCompilationRecorded()).isFalse();
  }
}
