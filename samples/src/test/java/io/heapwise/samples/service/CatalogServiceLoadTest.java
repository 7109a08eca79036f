// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the service and the load generator as two real JVMs, as the attach integration test does, and checks that
 * every request is answered and counted on both sides.
 */
class CatalogServiceLoadTest {
    private static final Pattern LISTENING = Pattern.compile(
            "^heapwise-service: port=(\\d+) pid=(\\d+) address=(\\S+)$", Pattern.MULTILINE);
    private static final Pattern SERVICE_STATS = Pattern.compile(
            "^heapwise-service-stats: requests=(\\d+) errors=(\\d+)$", Pattern.MULTILINE);
    private static final Pattern LOAD = Pattern.compile("^heapwise-load: sent=(\\d+) ok=(\\d+) errors=(\\d+) lost=(\\d+)"
            + " p50ms=(\\d+\\.\\d) p99ms=(\\d+\\.\\d) maxms=(\\d+\\.\\d)$", Pattern.MULTILINE);
    /** JVM start-up and building the catalogue on a busy two-core box. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int LOAD_SECONDS = 3;
    /** At the default 200 requests/s, 3 s give about 600 requests; JIT warm-up on a busy box costs some. */
    private static final int MIN_REQUESTS = 100;

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void answersAndCountsEveryRequestOfTheLoadGenerator() throws Exception {
        Process service = java("service", List.of("-Xmx128m"), CatalogService.class);
        Matcher listening = awaitLine(service, "service", LISTENING);

        Process load = java("load", List.of(), LoadGenerator.class, "--port", listening.group(1),
                "--seconds", String.valueOf(LOAD_SECONDS));
        assertThat(load.waitFor(LOAD_SECONDS + LoadGenerator.REQUEST_TIMEOUT_SECONDS + 10, TimeUnit.SECONDS))
                .as("load generator finished; output:%n%s", output("load")).isTrue();
        String loadOutput = output("load");
        assertThat(load.exitValue()).as("load generator exit code; output:%n%s", loadOutput).isZero();
        Matcher summary = LOAD.matcher(loadOutput);
        assertThat(summary.find()).as("heapwise-load line in:%n%s", loadOutput).isTrue();
        long sent = Long.parseLong(summary.group(1));
        long ok = Long.parseLong(summary.group(2));
        assertThat(sent).isGreaterThan(MIN_REQUESTS);
        assertThat(ok).isEqualTo(sent);
        assertThat(summary.group(3)).isEqualTo("0");
        assertThat(summary.group(4)).isEqualTo("0");
        assertThat(loadOutput).doesNotContain("heapwise-load-error:");

        service.destroy(); // SIGTERM: the shutdown hook stops the server and prints its counts
        assertThat(service.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        String serviceOutput = output("service");
        Matcher stats = SERVICE_STATS.matcher(serviceOutput);
        assertThat(stats.find()).as("heapwise-service-stats line in:%n%s", serviceOutput).isTrue();
        assertThat(Long.parseLong(stats.group(1))).as("requests the service answered").isEqualTo(ok);
        assertThat(stats.group(2)).as("service errors; stderr:%n%s", errors("service")).isEqualTo("0");
        assertThat(serviceOutput.lines()).as("nothing on stdout but the two lines").hasSize(2);
    }

    @Test
    void listensOnTheLoopbackAddressOnly() throws Exception {
        Process service = java("service", List.of("-Xmx128m"), CatalogService.class);
        Matcher listening = awaitLine(service, "service", LISTENING);
        int port = Integer.parseInt(listening.group(1));

        assertThat(InetAddress.getByName(listening.group(3)).isLoopbackAddress()).isTrue();
        assertThat(Long.parseLong(listening.group(2))).isEqualTo(service.pid());
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        }
        // Where the machine has other addresses, the port must be closed on them.
        for (InetAddress address : nonLoopbackAddresses()) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 2_000);
                }
            }).as("connecting to %s:%d", address, port).isInstanceOf(IOException.class);
        }
    }

    @Test
    void stopsByItselfAfterItsSeconds() throws Exception {
        Process service = java("service", List.of("-Xmx128m"), CatalogService.class, "--seconds", "1");

        assertThat(service.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(service.exitValue()).as("exit code; stderr:%n%s", errors("service")).isZero();
        String output = output("service");
        assertThat(output).containsPattern(LISTENING);
        assertThat(output).containsOnlyOnce("heapwise-service-stats: requests=0 errors=0");
    }

    /** Starts {@code mainClass} in a new JVM of this test's JDK, its output going to {@code <name>.out/.err}. */
    private Process java(String name, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException, URISyntaxException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // The module's classes directory: surefire's own class path may be a manifest-only jar.
        command.add("-cp");
        command.add(Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        command.add(mainClass.getName());
        Collections.addAll(command, args);
        // Files, not pipes: a pipe nobody reads fills up and blocks the child.
        Process process = new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
        started.add(process);
        return process;
    }

    private Matcher awaitLine(Process process, String name, Pattern line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = line.matcher(output(name));
            if (matcher.find()) {
                return matcher;
            }
            assertThat(process.isAlive()).as("%s exited with %s; stderr:%n%s", name,
                    process.isAlive() ? "-" : process.exitValue(), errors(name)).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError(name + " printed no " + line + " within " + START_TIMEOUT + "; stderr:\n"
                + errors(name));
    }

    private String output(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
    }

    private String errors(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8);
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    // A link-local IPv6 address needs its scope to be reachable at all, so it proves nothing.
                    if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        addresses.add(address);
                    }
                }
            }
        }
        return addresses;
    }
}
