// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The overhead benchmark's workload: Jackson round trips of realistic orders, as fast as it can, for a fixed time.
 *
 * <p>One operation takes the next of 64 pre-built orders and serializes it to bytes, parses the bytes back to an
 * {@link Order}, parses them again to a {@link JsonNode} tree, and serializes the parsed order to a String; then
 * it reads a few values of each result into a checksum that is printed, so nothing is dead code. Almost all of
 * the allocation happens inside {@code com.fasterxml.jackson}.
 *
 * <p>Usage: {@code JacksonRoundTrip [warmupSeconds [measureSeconds [threads]]] [--count-allocations]}, defaults
 * 10, 20 and 1. It prints one line:
 *
 * <pre>heapwise-bench: ops=... seconds=... opsPerSecond=... cpuSeconds=... opsPerCpuSecond=... allocatedBytesPerOp=...
 *     threads=... checksum=...</pre>
 *
 * <p>counting only the measure window. {@code cpuSeconds} is the CPU time of the whole process in it (workers,
 * GC, JIT and any agent's threads), so {@code opsPerCpuSecond} is the work done per CPU second, which other load
 * on the machine disturbs much less than {@code opsPerSecond}; {@code allocatedBytesPerOp} is what the worker
 * threads allocated in it ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}) per operation. With
 * {@code --count-allocations} (which needs {@code -javaagent:java-allocation-instrumenter.jar}) a Sampler counts
 * every allocation, and the line also has {@code countedAllocations}, {@code countedAllocationsPerOp} and
 * {@code countedBytesPerOp} for the measure window.
 */
public final class JacksonRoundTrip {
  private static final int ORDERS = 64;
  private static final long SEED = 20260101L;

  private JacksonRoundTrip() {}

  public static void main(String[] args) throws Exception {
    double warmupSeconds = 10;
    double measureSeconds = 20;
    int threads = 1;
    boolean countAllocations = false;
    int position = 0;
    for (String arg : args) {
      if (arg.equals("--count-allocations")) {
        countAllocations = true;
      } else if (arg.startsWith("-")) {
        usage("unknown option " + arg);
      } else {
        try {
          switch (position++) {
            case 0 -> warmupSeconds = Double.parseDouble(arg);
            case 1 -> measureSeconds = Double.parseDouble(arg);
            case 2 -> threads = Integer.parseInt(arg);
            default -> usage("too many arguments");
          }
        } catch (NumberFormatException e) {
          usage("not a number: " + arg);
        }
      }
    }
    if (warmupSeconds < 0 || measureSeconds <= 0 || threads < 1) {
      usage("need warmupSeconds >= 0, measureSeconds > 0, threads >= 1");
    }

    AllocationCounter counter = null;
    if (countAllocations) {
      try {
        Class.forName(AllocationCounter.RECORDER);
      } catch (ClassNotFoundException e) {
        System.err.println("heapwise-bench: --count-allocations needs -javaagent:java-allocation-instrumenter-*.jar");
        System.exit(2);
      }
      counter = AllocationCounter.register();
    }

    ObjectMapper mapper = new ObjectMapper();
    List<Order> orders = Orders.generate(ORDERS, SEED);
    checkRoundTrip(mapper, orders);
    run(mapper, orders, warmupSeconds, measureSeconds, threads, counter);
  }

  private static void run(ObjectMapper mapper, List<Order> orders, double warmupSeconds, double measureSeconds,
      int threads, AllocationCounter counter) throws InterruptedException {
    com.sun.management.ThreadMXBean threadBean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean osBean =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    threadBean.setThreadAllocatedMemoryEnabled(true);
    List<Worker> workers = new ArrayList<>(threads);
    for (int i = 0; i < threads; i++) {
      Worker worker = new Worker(mapper, orders, i * (ORDERS / threads));
      worker.thread = new Thread(worker, "bench-worker-" + i);
      worker.thread.setDaemon(true);
      workers.add(worker);
    }
    for (Worker worker : workers) {
      worker.thread.start();
    }

    Thread.sleep(Math.round(warmupSeconds * 1000));
    long[] ids = workers.stream().mapToLong(w -> w.thread.getId()).toArray();
    long countedObjects0 = counter == null ? 0 : counter.objects();
    long countedBytes0 = counter == null ? 0 : counter.bytes();
    long ops0 = totalOps(workers);
    long allocated0 = sum(threadBean.getThreadAllocatedBytes(ids));
    long cpu0 = osBean.getProcessCpuTime();
    long start = System.nanoTime();

    Thread.sleep(Math.round(measureSeconds * 1000));
    long ops1 = totalOps(workers);
    long allocated1 = sum(threadBean.getThreadAllocatedBytes(ids));
    long cpu1 = osBean.getProcessCpuTime();
    long end = System.nanoTime();
    long countedObjects1 = counter == null ? 0 : counter.objects();
    long countedBytes1 = counter == null ? 0 : counter.bytes();

    long checksum = 0;
    for (Worker worker : workers) {
      worker.stop = true;
    }
    for (Worker worker : workers) {
      worker.thread.join();
      if (worker.failure != null) {
        throw new IllegalStateException("worker " + worker.thread.getName() + " failed", worker.failure);
      }
      checksum += worker.checksum;
    }

    long ops = ops1 - ops0;
    double seconds = (end - start) / 1e9;
    StringBuilder line = new StringBuilder("heapwise-bench:");
    line.append(" ops=").append(ops);
    line.append(String.format(Locale.ROOT, " seconds=%.3f", seconds));
    line.append(String.format(Locale.ROOT, " opsPerSecond=%.1f", ops / seconds));
    if (cpu0 >= 0 && cpu1 > cpu0) {
      double cpuSeconds = (cpu1 - cpu0) / 1e9;
      line.append(String.format(Locale.ROOT, " cpuSeconds=%.3f opsPerCpuSecond=%.1f", cpuSeconds, ops / cpuSeconds));
    }
    line.append(" allocatedBytesPerOp=").append(ops == 0 ? 0 : (allocated1 - allocated0) / ops);
    line.append(" threads=").append(threads);
    if (counter != null) {
      long objects = countedObjects1 - countedObjects0;
      line.append(" countedAllocations=").append(objects);
      line.append(String.format(Locale.ROOT, " countedAllocationsPerOp=%.1f", ops == 0 ? 0.0 : (double) objects / ops));
      line.append(" countedBytesPerOp=").append(ops == 0 ? 0 : (countedBytes1 - countedBytes0) / ops);
    }
    line.append(" checksum=").append(checksum);
    System.out.println(line);
    if (counter != null && counter.objects() == 0) {
      System.err.println("heapwise-bench: the allocation counter saw nothing: is the instrumenter a -javaagent?");
      System.exit(3);
    }
  }

  /** Every order must survive bytes -> Order -> String unchanged, or the benchmark measures a broken mapping. */
  private static void checkRoundTrip(ObjectMapper mapper, List<Order> orders) throws IOException {
    for (Order order : orders) {
      String direct = new String(mapper.writeValueAsBytes(order), StandardCharsets.UTF_8);
      String roundTripped = mapper.writeValueAsString(mapper.readValue(direct, Order.class));
      if (!direct.equals(roundTripped)) {
        throw new IllegalStateException("round trip changed order " + order.getId() + ":\n" + direct + "\n"
            + roundTripped);
      }
    }
  }

  private static long totalOps(List<Worker> workers) {
    long total = 0;
    for (Worker worker : workers) {
      total += worker.ops.get();
    }
    return total;
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long value : values) {
      total += value;
    }
    return total;
  }

  private static void usage(String problem) {
    System.err.println("heapwise-bench: " + problem);
    System.err.println("usage: JacksonRoundTrip [warmupSeconds [measureSeconds [threads]]] [--count-allocations]");
    System.exit(2);
  }

  /** One thread's loop; publishes its operation count after every operation. */
  private static final class Worker implements Runnable {
    private final ObjectMapper mapper;
    private final List<Order> orders;
    private final AtomicLong ops = new AtomicLong();
    private int next;
    private Thread thread;
    private volatile boolean stop;
    private volatile long checksum;
    private volatile Throwable failure;

    Worker(ObjectMapper mapper, List<Order> orders, int first) {
      this.mapper = mapper;
      this.orders = orders;
      this.next = first;
    }

    @Override
    public void run() {
      long sink = 0;
      long done = 0;
      try {
        while (!stop) {
          sink += roundTrip(orders.get(next));
          next = next + 1 == orders.size() ? 0 : next + 1;
          ops.lazySet(++done);
        }
      } catch (Throwable t) {
        failure = t;
      }
      checksum = sink;
    }

    private long roundTrip(Order order) {
      try {
        byte[] json = mapper.writeValueAsBytes(order);
        Order parsed = mapper.readValue(json, Order.class);
        JsonNode tree = mapper.readTree(json);
        String text = mapper.writeValueAsString(parsed);
        return json.length + text.length()
            + parsed.getItems().size() + parsed.getTotal().unscaledValue().intValue()
            + parsed.getCustomer().getEmail().length() + parsed.getMetadata().size()
            + tree.path("items").size() + tree.path("customer").path("billingAddress").path("city").asText().length()
            + tree.path("metadata").path("priority").asInt();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
