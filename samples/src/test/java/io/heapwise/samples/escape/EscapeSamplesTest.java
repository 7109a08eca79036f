// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.samples.Samples;
import io.heapwise.samples.escape.EscapeSamples.Decoy;
import io.heapwise.samples.escape.EscapeSamples.Planted;
import io.heapwise.samples.escape.EscapeSamples.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The escape-analysis catalogue, in-process: one planted sample per reason, the markers on the right lines, and every
 * program's steady-state line. What they allocate after warm-up is measured in fresh JVMs by {@link EscapeSamplesIT}.
 */
class EscapeSamplesTest {
    private static final String PLANTED = "// planted: ESCAPE_CANDIDATE";
    private static final String FIXED = "// fixed: ESCAPE_CANDIDATE";
    private static final String DECOY = "// decoy: ESCAPE_CANDIDATE";

    static List<Planted> planted() {
        return EscapeSamples.planted();
    }

    static List<Decoy> decoys() {
        return EscapeSamples.decoys();
    }

    static Stream<Class<?>> programs() {
        return Stream.concat(planted().stream().flatMap(p -> Stream.of(p.mainClass(), p.twinClass())),
                decoys().stream().map(Decoy::mainClass));
    }

    @Test
    void everyReasonHasExactlyOneSample() {
        assertThat(planted()).extracting(Planted::reason).containsExactlyInAnyOrder(Reason.values());
        assertThat(programs()).doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c.getPackage()).isEqualTo(EscapeSamples.class.getPackage()));
        // The demo's catalogue has one sample per kind: the megamorphic call.
        assertThat(Samples.all()).filteredOn(s -> s.kind().equals("ESCAPE_CANDIDATE")).singleElement()
                .satisfies(s -> assertThat(s.mainClass()).isEqualTo(GeometryKernel.class));
    }

    @ParameterizedTest
    @MethodSource("planted")
    void plantedAndFixedMarkersTrailTheirLines(Planted sample) throws IOException {
        List<String> planted = source(sample.mainClass());
        List<String> twin = source(sample.twinClass());

        assertThat(planted).filteredOn(line -> line.contains("// planted:")).singleElement()
                .satisfies(line -> assertThat(line).endsWith(PLANTED).contains("new "));
        assertThat(twin).filteredOn(line -> line.contains("// fixed:")).singleElement()
                .satisfies(line -> assertThat(line).endsWith(FIXED));
        assertThat(twin).noneMatch(line -> line.contains("// planted") || line.contains("// decoy"));
    }

    @ParameterizedTest
    @MethodSource("decoys")
    void decoysAreMarkedAsDecoysOnly(Decoy decoy) throws IOException {
        List<String> source = source(decoy.mainClass());

        assertThat(source).filteredOn(line -> line.contains("// decoy:")).singleElement()
                .satisfies(line -> assertThat(line).endsWith(DECOY));
        assertThat(source).noneMatch(line -> line.contains("// planted") || line.contains("// fixed"));
    }

    @ParameterizedTest
    @MethodSource("programs")
    void everyProgramCountsItsWork(Class<?> program) throws Exception {
        String output = run(program, "--seconds", "0.3", "--warmup", "0.1");

        assertThat(output).containsPattern("(?m)^heapwise-sample: name=" + program.getSimpleName() + " ")
                .containsPattern("(?m)^heapwise-sample-steady: name=" + program.getSimpleName()
                        + " seconds=\\d+\\.\\d{3} allocatedBytes=\\d+ work=[1-9]\\d* bytesPerWork=\\d+\\.\\d{3}$");
    }

    @Test
    void catalogueMainPrintsOneLinePerProgram() throws Exception {
        String output = run(EscapeSamples.class);

        List<String> lines = output.lines().toList();
        assertThat(lines).hasSize((int) programs().count());
        assertThat(lines).allSatisfy(line -> assertThat(line.split("\t")).hasSize(5));
        assertThat(lines).anySatisfy(line -> assertThat(line.split("\t")).containsExactly("planted",
                VatCalculator.class.getName(), "CALLEE_TOO_BIG", "VatRules.vatOn", "hot method too big"));
        assertThat(lines).anySatisfy(line -> assertThat(line.split("\t")).containsExactly("decoy",
                CartTotalDecoy.class.getName(), "-", "-", "-"));
    }

    private static String run(Class<?> program, String... args) throws Exception {
        Method main = program.getMethod("main", String[].class);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            main.invoke(null, (Object) Arrays.copyOf(args, args.length));
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static List<String> source(Class<?> sampleClass) throws IOException {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return Files.readAllLines(moduleDir.resolve("src/main/java").resolve(Samples.Sample.sourcePath(sampleClass)));
    }
}
