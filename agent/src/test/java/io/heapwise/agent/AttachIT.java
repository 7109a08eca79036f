// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import io.heapwise.samples.lifetimes.QuoteService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instrumentation attached to a running JVM: classes loaded before the attach are rewritten by retransformation,
 * and restored when the duration ends, twice in a row in the same JVM; the application never notices.
 */
class AttachIT {

  @TempDir
  Path dir;

  @Test
  void attachRewritesLoadedClassesAndRestoresThemAtTheEndTwice() throws Exception {
    Path log = dir.resolve("agent.log");
    Path stdout = dir.resolve("app.out");
    Process app = new ProcessBuilder(ForkedJvm.javaExecutable().toString(), "-Xmx64m",
        "-cp", ForkedJvm.classpathOf(QuoteService.class).toString(), QuoteService.class.getName(),
        "--seconds", "30")
        .redirectOutput(stdout.toFile()).redirectError(dir.resolve("app.err").toFile()).start();
    try {
      Thread.sleep(1_500); // the sample's classes are loaded and its loop is hot
      // Installing takes a second or more in a busy JVM (JFR, then Byte Buddy, start up cold), and it eats into the
      // duration: 4 s leaves seconds of measuring, which 1 in 256 turns into plenty of samples per site.
      String options = "instrument=true,sample=1/256,include=" + QuoteService.class.getPackageName()
          + ",duration=4s,log=" + log;
      for (String name : List.of("first.jfr", "second.jfr")) {
        Path out = dir.resolve(name);
        VirtualMachine vm = VirtualMachine.attach(Long.toString(app.pid()));
        try {
          vm.loadAgent(ForkedJvm.agentJar().toAbsolutePath().toString(), options + ",out=" + out);
        } finally {
          vm.detach();
        }
        awaitFile(out);
        InstrumentedSites sites = InstrumentedSites.read(out);
        assertThat(sites.methods()).contains("handle", "sumTicks");
        assertThat(sites.lifetimes()).filteredOn(e -> e.getString("method").equals("handle"))
            .anySatisfy(e -> assertThat(e.getLong("samples")).isPositive());
        assertThat(sites.lastState().getLong("classesInstrumented")).isGreaterThanOrEqualTo(3);
      }
      assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(app.exitValue()).isZero();
    } finally {
      app.destroyForcibly();
    }
    assertThat(Files.readString(stdout, StandardCharsets.UTF_8)).contains("heapwise-sample-counts: quotes=");
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines).filteredOn(line -> line.startsWith("[heapwise] instrumentation removed: ")).hasSize(2)
        .allSatisfy(line -> assertThat(line).matches(".* [3-9] classes restored to their original code"));
    assertThat(lines).noneMatch(line -> line.contains("disabled") || line.contains("not instrumenting")
        || line.contains("stopped"));
  }

  private static void awaitFile(Path file) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(file) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(file).exists();
  }
}
