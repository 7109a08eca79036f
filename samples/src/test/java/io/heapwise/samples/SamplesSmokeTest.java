// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.samples.Samples.Sample;
import io.heapwise.samples.gate.RequestsEvent;
import io.heapwise.samples.gate.WholesaleCheckout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every sample and its twin briefly in-process and checks their output, their markers and their allocation. */
class SamplesSmokeTest {
    private static final Pattern SAMPLE_LINE = Pattern.compile(
            "^heapwise-sample: name=(\\S+) seconds=(\\d+\\.\\d{3}) allocatedBytes=(\\d+) thread=(\\S+)$",
            Pattern.MULTILINE);
    /** The count of work units (orders, requests, lines...) in the human summary line, e.g. {@code matched 1,234}. */
    private static final String WORK_COUNT = ": \\D*([\\d,]+)";
    /**
     * A twin must allocate less than this fraction of its planted sibling's bytes per unit of work. Per unit of work
     * rather than per second, so that a busy two-core box slowing one of the two runs does not matter. Measured
     * ratios are about 0.3 for OrderBook (growing by half again allocates about three times the final array, so
     * presizing saves about two thirds) and 0.01 or less for the others; the margin absorbs JIT warm-up.
     */
    private static final double MAX_TWIN_RATIO = 0.5;

    /** What a sample printed: the work count of its summary line, and its {@code heapwise-sample:} line. */
    record Result(long workDone, String name, double seconds, long allocatedBytes, String thread) {
        double bytesPerWorkUnit() {
            return (double) allocatedBytes / workDone;
        }
    }

    static Stream<Class<?>> sampleClasses() {
        return Samples.all().stream().flatMap(s -> Stream.of(s.mainClass(), s.twinClass()));
    }

    static List<Sample> samples() {
        return Samples.all();
    }

    @ParameterizedTest
    @MethodSource("sampleClasses")
    void printsItsSampleLine(Class<?> sampleClass) throws Exception {
        Result result = run(sampleClass, "0.2");

        assertThat(result.name()).isEqualTo(sampleClass.getSimpleName());
        assertThat(result.seconds()).isGreaterThanOrEqualTo(0.2);
        assertThat(result.allocatedBytes()).isPositive();
        assertThat(result.thread()).isEqualTo(Thread.currentThread().getName());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void markersAreInPlace(Sample sample) throws IOException {
        String planted = source(sample.mainClass());
        String twin = source(sample.twinClass());

        assertThat(count(planted, "// planted:")).as("planted markers in %s", sample.name()).isEqualTo(1);
        assertThat(count(planted, "// planted: " + sample.kind() + "\n")
                + count(planted, "// planted: " + sample.kind() + "\r\n")).isEqualTo(1);
        assertThat(count(twin, "// fixed:")).as("fixed markers in %s", sample.twinClass().getSimpleName())
                .isEqualTo(1);
        assertThat(twin).contains("// fixed: " + sample.kind());
        assertThat(twin).doesNotContain("// planted");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void twinAllocatesLessThanItsPlantedSibling(Sample sample) throws Exception {
        // Thread stacks are not Java heap: a pool's task bookkeeping may well cost more heap than starting threads, so
        // the fix for THREAD_CHURN is not measured in allocated bytes.
        if (sample.kind().equals("THREAD_CHURN")) {
            return;
        }
        Result planted = run(sample.mainClass(), "0.5");
        Result twin = run(sample.twinClass(), "0.5");

        assertThat(twin.bytesPerWorkUnit())
                .as("%s allocates %,.1f bytes per unit of work, its twin %s %,.1f", planted.name(),
                        planted.bytesPerWorkUnit(), twin.name(), twin.bytesPerWorkUnit())
                .isLessThan(MAX_TWIN_RATIO * planted.bytesPerWorkUnit());
    }

    @Test
    void catalogueIsConsistent() {
        assertThat(Samples.all()).hasSize(8);
        assertThat(Samples.all()).extracting(Sample::kind).doesNotHaveDuplicates();
        for (Sample sample : Samples.all()) {
            assertThat(sample.twinClass().getPackage()).isEqualTo(sample.mainClass().getPackage());
            assertThat(Samples.byName(sample.name())).contains(sample);
            assertThat(Samples.byName(sample.mainClass().getName())).contains(sample);
        }
        assertThat(Samples.byName("NoSuchSample")).isEmpty();
    }

    @Test
    void gateWorkloadCountsItsRequestsInJfr(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gate.jfr");
        Result result;
        try (Recording recording = new Recording()) {
            recording.enable(RequestsEvent.NAME);
            recording.start();
            result = run(WholesaleCheckout.class, "1", "--variant", "regression");
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> batches = RecordingFile.readAllEvents(file).stream()
                .filter(event -> event.getEventType().getName().equals(RequestsEvent.NAME)).toList();

        assertThat(result.name()).isEqualTo("WholesaleCheckout");
        assertThat(result.seconds()).isGreaterThanOrEqualTo(1.0);
        assertThat(result.workDone()).isPositive().isEqualTo((long) batches.size() * WholesaleCheckout.BATCH)
                .isEqualTo(batches.stream().mapToLong(batch -> batch.getLong("count")).sum());
        assertThat(batches).allSatisfy(batch -> assertThat(batch.getStackTrace()).isNull());
    }

    /**
     * Runs a sample's {@code main} on this thread with {@code --seconds} and any other arguments, capturing and
     * parsing what it prints.
     */
    private static Result run(Class<?> sampleClass, String seconds, String... more) throws Exception {
        Method main = sampleClass.getMethod("main", String[].class);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            String[] args = Stream.concat(Stream.of("--seconds", seconds), Stream.of(more)).toArray(String[]::new);
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        Matcher line = SAMPLE_LINE.matcher(output);
        assertThat(line.find()).as("heapwise-sample line in:%n%s", output).isTrue();
        Matcher summary = Pattern.compile("^" + Pattern.quote(line.group(1)) + WORK_COUNT, Pattern.MULTILINE)
                .matcher(output);
        assertThat(summary.find()).as("summary line in:%n%s", output).isTrue();
        long workDone = Long.parseLong(summary.group(1).replace(",", ""));
        assertThat(workDone).isPositive();
        return new Result(workDone, line.group(1), Double.parseDouble(line.group(2)), Long.parseLong(line.group(3)),
                line.group(4));
    }

    private static String source(Class<?> sampleClass) throws IOException {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return Files.readString(moduleDir.resolve("src/main/java").resolve(Sample.sourcePath(sampleClass)));
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
