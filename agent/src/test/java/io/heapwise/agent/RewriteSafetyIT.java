// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.agent.testapp.shapes.ShapesApp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rewritten classes pass the verifier ({@code -Xverify:all}) and behave exactly as before, in every shape of code
 * javac produces; a class that cannot be rewritten runs unchanged, with one log line.
 */
class RewriteSafetyIT {

  private static final List<String> VERIFY = List.of("-Xverify:all", "-Xmx128m");
  private static final String ROUNDS = "3000";

  @TempDir
  Path dir;

  @Test
  void everyShapeOfCodeVerifiesAndComputesTheSameResult() throws Exception {
    Path classes = ForkedJvm.classpathOf(ShapesApp.class);
    ForkedJvm.Result plain = ForkedJvm.run(null, VERIFY, classes, ShapesApp.class.getName(), ROUNDS);
    Path out = dir.resolve("shapes.jfr");
    ForkedJvm.Result rewritten = ForkedJvm.run("out=" + out + ",instrument=true,count=exact,sample=1/1,include="
        + ShapesApp.class.getPackageName(), VERIFY, classes, ShapesApp.class.getName(), ROUNDS);

    assertThat(plain.exitCode()).as(plain.toString()).isZero();
    assertThat(rewritten.exitCode()).as(rewritten.toString()).isZero();
    assertThat(rewritten.stdout()).isEqualTo(plain.stdout()).startsWith("checksum ");
    assertThat(rewritten.stderr()).doesNotContain("VerifyError", "Exception");
    assertThat(rewritten.heapwiseLines()).noneMatch(line -> line.contains("not instrumenting"));

    InstrumentedSites sites = InstrumentedSites.read(out);
    // Lambda bodies, the enum's static initializer, a default method, constructors chained with this(...)
    // and super(new ...), a try/catch/finally, a switch expression, an inner class.
    assertThat(sites.methods()).contains("lambda$lambdas$0", "lambda$lambdas$3", "<clinit>", "bounds", "<init>",
        "guarded", "switched", "inner", "arrays", "nested", "records");
    assertThat(sites.lastState().getLong("classesInstrumented")).isGreaterThanOrEqualTo(8);
    assertThat(sites.lastState().getLong("classesSkipped")).isZero();
    long rounds = Long.parseLong(ROUNDS);
    // Exact counts at sites run once per round: the inner class, and the HashMap in guarded().
    assertThat(sites.lifetimes()).filteredOn(e -> e.getString("allocatedType").endsWith("ShapesApp$Inner"))
        .extracting(e -> e.getLong("allocations")).containsExactly(rounds);
    assertThat(sites.lifetimes()).filteredOn(e -> e.getString("allocatedType").equals("java.util.HashMap"))
        .extracting(e -> e.getLong("allocations")).containsExactly(rounds);
  }

  @Test
  void aClassTooLargeToRewriteRunsUnchangedWithOneLogLineWhileLargeMethodsAreRewritten() throws Exception {
    // Each "sink = new int[1];" is 6 bytes of bytecode and gains 7: 7,000 of them fit the JVM's 64 KB limit
    // before the rewrite and not after; 2,000 fit both.
    Path classes = compile(
        generated("NearLimit", 7_000),
        generated("Large", 2_000),
        """
        package gen;
        public final class Main {
          public static void main(String[] args) {
            long sum = 0;
            for (int i = 0; i < 50; i++) {
              sum += NearLimit.fill() + Large.fill();
            }
            System.out.println("sum " + sum);
          }
        }
        """);
    ForkedJvm.Result plain = ForkedJvm.run(null, VERIFY, classes, "gen.Main");
    Path out = dir.resolve("large.jfr");
    ForkedJvm.Result rewritten =
        ForkedJvm.run("out=" + out + ",instrument=true,count=exact,include=gen", VERIFY, classes, "gen.Main");

    assertThat(rewritten.exitCode()).as(rewritten.toString()).isZero();
    assertThat(rewritten.stdout()).isEqualTo(plain.stdout()).isEqualTo("sum " + 50 * (7_000 + 2_000) + "\n");
    assertThat(rewritten.heapwiseLines()).filteredOn(line -> line.contains("not instrumenting")).singleElement()
        .satisfies(line -> assertThat(line).startsWith("[heapwise] not instrumenting gen.NearLimit: ")
            .contains("64 KB").endsWith("; it runs unchanged"));
    InstrumentedSites sites = InstrumentedSites.read(out);
    assertThat(sites.lifetimes()).extracting(e -> e.getString("className")).contains("gen.Large")
        .doesNotContain("gen.NearLimit");
    assertThat(sites.lifetimes()).filteredOn(e -> e.getString("className").equals("gen.Large"))
        .extracting(e -> e.getLong("allocations")).containsOnly(50L).hasSize(2_000);
    assertThat(sites.lastState().getLong("classesSkipped")).isEqualTo(1);
  }

  private static String generated(String name, int allocations) {
    StringBuilder source = new StringBuilder("package gen;\npublic final class " + name + " {\n"
        + "  static int[] sink;\n  static int fill() {\n");
    for (int i = 0; i < allocations; i++) {
      source.append("    sink = new int[1];\n");
    }
    return source.append("    return " + allocations + ";\n  }\n}\n").toString();
  }

  private Path compile(String... sources) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/gen"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-g"));
    for (String source : sources) {
      String name = source.substring(source.indexOf("class ") + 6, source.indexOf(" {"));
      Path file = src.resolve(name + ".java");
      Files.writeString(file, source);
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, null, errors, args.toArray(String[]::new));
    assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    return classes;
  }
}
