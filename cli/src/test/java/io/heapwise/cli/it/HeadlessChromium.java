// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol, with nothing but the JDK's HTTP and
 * WebSocket clients and Jackson: load a page, evaluate JavaScript in it, click, take screenshots, and collect every
 * console error and uncaught exception. It talks to loopback only, and {@link #close} kills the browser and deletes
 * its profile.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Duration STARTUP = Duration.ofSeconds(30);
  private static final Duration REPLY = Duration.ofSeconds(30);
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final int STDERR_LINES_KEPT = 40;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final Deque<String> stderr;
  private final WebSocket socket;
  private final AtomicInteger nextId = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
  private final Map<String, List<CompletableFuture<JsonNode>>> eventWaiters = new ConcurrentHashMap<>();
  private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

  private HeadlessChromium(Process process, Path profile, Deque<String> stderr, WebSocket.Builder connect, URI page)
      throws IOException {
    this.process = process;
    this.profile = profile;
    this.stderr = stderr;
    this.socket = connect.buildAsync(page, new Listener()).orTimeout(REPLY.toSeconds(), TimeUnit.SECONDS)
        .exceptionally(e -> {
          throw new IllegalStateException("cannot open the DevTools WebSocket " + page, e);
        }).join();
  }

  /**
   * Skips the calling test when there is no Chromium, except in CI ({@code CI=true}), where a test that cannot run
   * must fail rather than pass unseen.
   */
  static void requireChromium() {
    if (Files.isExecutable(CHROMIUM)) {
      return;
    }
    String hint = "no " + CHROMIUM + ": apt-get install chromium to run HtmlReportIT";
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(hint + " (CI=true, so this is a failure, not a skip)");
    }
    assumeTrue(false, hint);
  }

  /** Starts Chromium on {@code about:blank} in a window of {@code width} x {@code height} CSS pixels. */
  static HeadlessChromium start(int width, int height) throws IOException, InterruptedException {
    requireChromium();
    Path profile = Files.createTempDirectory("heapwise-chromium-");
    Process process = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--remote-debugging-port=0", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height, "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    Deque<String> stderr = new ArrayDeque<>();
    try {
      URI browser = devToolsAddress(process, stderr);
      URI page = pageTarget(browser.getPort());
      HeadlessChromium chromium = new HeadlessChromium(process, profile, stderr,
          HttpClient.newHttpClient().newWebSocketBuilder(), page);
      chromium.send("Runtime.enable", Map.of());
      chromium.send("Log.enable", Map.of());
      chromium.send("Page.enable", Map.of());
      return chromium;
    } catch (IOException | RuntimeException | InterruptedException e) {
      stop(process);
      deleteTree(profile);
      throw e;
    }
  }

  /** Loads {@code url} and waits for its load event (scripts inline in the page have run by then). */
  void navigate(String url) {
    CompletableFuture<JsonNode> loaded = nextEvent("Page.loadEventFired");
    JsonNode result = send("Page.navigate", Map.of("url", url));
    if (result.hasNonNull("errorText")) {
      throw new IllegalStateException("cannot load " + url + ": " + result.get("errorText").asText());
    }
    await(loaded, "the load event of " + url);
  }

  /** The value of a JavaScript expression, as JSON; a thrown exception fails with its message. */
  JsonNode evaluate(String expression) {
    JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
        "awaitPromise", true));
    if (result.has("exceptionDetails")) {
      JsonNode details = result.get("exceptionDetails");
      throw new AssertionError("JavaScript failed: " + details.path("exception").path("description")
          .asText(details.path("text").asText()) + "\n  in: " + expression);
    }
    return result.path("result").path("value");
  }

  /** Moves the mouse to coordinates of the viewport, in CSS pixels. */
  void moveMouse(double x, double y) {
    send("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
  }

  /** A left click at coordinates of the viewport, as a user's mouse makes it: move, press, release. */
  void click(double x, double y) {
    moveMouse(x, y);
    send("Input.dispatchMouseEvent", Map.of("type", "mousePressed", "x", x, "y", y, "button", "left",
        "clickCount", 1));
    send("Input.dispatchMouseEvent", Map.of("type", "mouseReleased", "x", x, "y", y, "button", "left",
        "clickCount", 1));
  }

  /** Saves the viewport as PNG. */
  void screenshot(Path file) throws IOException {
    write(file, send("Page.captureScreenshot", Map.of("format", "png")));
  }

  /** Saves the top {@code width} x {@code height} of the whole page, also beyond the viewport, as PNG. */
  void screenshot(Path file, double width, double height, double scale) throws IOException {
    write(file, send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", scale))));
  }

  /** Any DevTools command, for what the helpers above do not cover; returns its result. */
  JsonNode send(String method, Map<String, ?> params) {
    int id = nextId.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    replies.put(id, reply);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    socket.sendText(message.toString(), true).join();
    JsonNode answer = await(reply, method);
    if (answer.has("error")) {
      throw new IllegalStateException(method + " failed: " + answer.get("error"));
    }
    return answer.path("result");
  }

  /** Console errors, failed assertions, uncaught exceptions and error log entries, in the order they came. */
  List<String> consoleErrors() {
    return List.copyOf(consoleErrors);
  }

  @Override
  public void close() {
    try {
      socket.abort();
    } finally {
      stop(process);
      deleteTree(profile);
    }
  }

  private CompletableFuture<JsonNode> nextEvent(String method) {
    CompletableFuture<JsonNode> event = new CompletableFuture<>();
    eventWaiters.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>()).add(event);
    return event;
  }

  private JsonNode await(CompletableFuture<JsonNode> future, String what) {
    try {
      return future.get(REPLY.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Chromium did not answer " + what + " within " + REPLY.toSeconds() + " s;"
          + " its last stderr lines:\n" + lastStderr(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for " + what, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + what, e);
    }
  }

  private void onMessage(JsonNode message) {
    if (message.has("id")) {
      CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asInt());
      if (reply != null) {
        reply.complete(message);
      }
      return;
    }
    String method = message.path("method").asText();
    JsonNode params = message.path("params");
    switch (method) {
      case "Runtime.consoleAPICalled" -> {
        String type = params.path("type").asText();
        if (type.equals("error") || type.equals("assert")) {
          List<String> args = new ArrayList<>();
          params.path("args").forEach(arg -> args.add(arg.has("value") ? arg.get("value").asText()
              : arg.path("description").asText()));
          consoleErrors.add("console." + type + ": " + String.join(" ", args));
        }
      }
      case "Runtime.exceptionThrown" -> {
        JsonNode details = params.path("exceptionDetails");
        consoleErrors.add("uncaught: " + details.path("exception").path("description")
            .asText(details.path("text").asText()));
      }
      case "Log.entryAdded" -> {
        JsonNode entry = params.path("entry");
        if (entry.path("level").asText().equals("error")) {
          consoleErrors.add("log: " + entry.path("text").asText() + " " + entry.path("url").asText(""));
        }
      }
      default -> {
      }
    }
    List<CompletableFuture<JsonNode>> waiting = eventWaiters.remove(method);
    if (waiting != null) {
      waiting.forEach(w -> w.complete(params));
    }
  }

  /** Reads stderr for the browser's DevTools address, then keeps draining it so Chromium never blocks on it. */
  private static URI devToolsAddress(Process process, Deque<String> kept) throws InterruptedException {
    CompletableFuture<URI> address = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          synchronized (kept) {
            kept.addLast(line);
            if (kept.size() > STDERR_LINES_KEPT) {
              kept.removeFirst();
            }
          }
          Matcher listening = LISTENING.matcher(line);
          if (listening.find()) {
            address.complete(URI.create(listening.group(1)));
          }
        }
      } catch (IOException e) {
        // The process ended; the wait below reports it.
      }
      address.completeExceptionally(new IllegalStateException("Chromium exited with " + exitCode(process)));
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      return address.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      String lines;
      synchronized (kept) {
        lines = String.join("\n", kept);
      }
      throw new IllegalStateException("Chromium did not print 'DevTools listening on ws://...' within "
          + STARTUP.toSeconds() + " s (" + e.getMessage() + "); its stderr:\n" + lines, e);
    }
  }

  /** The WebSocket of the page Chromium opened ({@code about:blank}), from its target list on loopback. */
  private static URI pageTarget(int port) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).connectTimeout(REPLY).build();
    HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
        .timeout(REPLY).build(), HttpResponse.BodyHandlers.ofString());
    for (JsonNode target : JSON.readTree(list.body())) {
      if (target.path("type").asText().equals("page") && target.hasNonNull("webSocketDebuggerUrl")) {
        return URI.create(target.get("webSocketDebuggerUrl").asText());
      }
    }
    throw new IllegalStateException("no page among Chromium's DevTools targets: " + list.body());
  }

  private String lastStderr() {
    synchronized (stderr) {
      return String.join("\n", stderr);
    }
  }

  private static void write(Path file, JsonNode screenshot) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(screenshot.get("data").asText()));
  }

  private static String exitCode(Process process) {
    try {
      return process.waitFor(1, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "(still running)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted)";
    }
  }

  /** The browser and its helper processes (renderer, GPU, zygote), which would otherwise outlive it. */
  private static void stop(Process process) {
    List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
    all.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        all.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      all.forEach(ProcessHandle::destroyForcibly);
    }
  }

  /** Chromium may still be writing into its profile as it dies; what is left after a second try stays behind. */
  private static void deleteTree(Path dir) {
    for (int attempt = 0; attempt < 2 && Files.exists(dir); attempt++) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> {
          try {
            Files.deleteIfExists(path);
          } catch (IOException e) {
            // A file Chromium recreated; the next attempt takes it.
          }
        });
      } catch (IOException | UncheckedIOException e) {
        // Listing raced with Chromium's last writes; the next attempt walks again.
      }
    }
  }

  /** Collects a message's fragments, then hands the whole JSON on. */
  private final class Listener implements WebSocket.Listener {

    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          onMessage(JSON.readTree(text.toString()));
        } catch (IOException e) {
          throw new UncheckedIOException("DevTools sent a message that is not JSON", e);
        } finally {
          text.setLength(0);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      IllegalStateException lost = new IllegalStateException("DevTools connection failed", error);
      replies.values().forEach(r -> r.completeExceptionally(lost));
    }
  }
}
