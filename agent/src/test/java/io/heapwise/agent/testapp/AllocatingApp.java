// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.testapp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Allocates steadily for a while, like a small service under load, so that a recording of it has allocation
 * samples and young collections. Usage: {@code AllocatingApp <millis> [<file to watch for>]}; when a file is
 * given, prints {@link #FILE_APPEARED} once it exists.
 */
public final class AllocatingApp {

  public static final String FILE_APPEARED = "recording file appeared";
  public static final String DONE = "allocating-app done";

  /** Enough live objects to make some survive a young collection, few enough for -Xmx64m. */
  private static final int RETAINED = 4_096;
  private static final long WATCH_INTERVAL_NANOS = 50_000_000L;

  private AllocatingApp() {}

  public static void main(String[] args) {
    long runNanos = Long.parseLong(args[0]) * 1_000_000L;
    Path watched = args.length > 1 ? Path.of(args[1]) : null;
    boolean seen = false;
    List<Order> retained = new ArrayList<>();
    long start = System.nanoTime();
    long nextWatch = start;
    long checksum = 0;
    while (System.nanoTime() - start < runNanos) {
      for (int i = 0; i < 1_000; i++) {
        Order order = newOrder(i);
        checksum += order.lines.size();
        if (retained.size() < RETAINED) {
          retained.add(order);
        } else {
          retained.set(i % RETAINED, order);
        }
      }
      long now = System.nanoTime();
      if (watched != null && !seen && now >= nextWatch) {
        nextWatch = now + WATCH_INTERVAL_NANOS;
        if (Files.exists(watched)) {
          seen = true;
          System.out.println(FILE_APPEARED);
        }
      }
    }
    System.out.println(DONE + " " + (checksum > 0));
  }

  private static Order newOrder(int i) {
    Order order = new Order("order-" + i);
    for (int line = 0; line < 8; line++) {
      order.lines.add(new byte[64 + line * 16]);
    }
    return order;
  }

  private static final class Order {
    final String id;
    final List<byte[]> lines = new ArrayList<>();

    Order(String id) {
      this.id = id;
    }

    @Override
    public String toString() {
      return id;
    }
  }
}
