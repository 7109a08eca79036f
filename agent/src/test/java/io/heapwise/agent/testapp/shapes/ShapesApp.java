// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.testapp.shapes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Allocations in every shape of code the rewriter must keep valid: lambdas, records, enums, interfaces with default
 * methods, constructors with {@code this(...)} and {@code super(...)} chains, {@code new} inside try/catch/finally,
 * nested and conditional constructor arguments, multi-dimensional arrays, inner and anonymous classes, switch
 * expressions. Prints one line per shape; the test compares the output with and without the agent.
 */
public final class ShapesApp {

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    long checksum = 0;
    for (int round = 0; round < rounds; round++) {
      checksum = 31 * checksum + lambdas(round);
      checksum = 31 * checksum + records(round);
      checksum = 31 * checksum + Currency.of(round).symbol().length();
      checksum = 31 * checksum + shapes(round);
      checksum = 31 * checksum + new Money(round).cents();
      checksum = 31 * checksum + guarded(round % 3 == 0 ? "x" + round : Integer.toString(round));
      checksum = 31 * checksum + nested(round);
      checksum = 31 * checksum + arrays(round);
      checksum = 31 * checksum + new ShapesApp().inner(round);
      checksum = 31 * checksum + switched(round);
    }
    System.out.println("checksum " + checksum);
  }

  static long lambdas(int round) {
    Supplier<List<String>> lists = () -> new ArrayList<>();
    IntFunction<int[]> arrays = int[]::new;
    List<String> list = lists.get();
    list.add("r" + round);
    Runnable capture = () -> list.add(new StringBuilder().append(round).toString());
    capture.run();
    return list.size() + arrays.apply(round % 7).length
        + list.stream().map(s -> new Point(s.length(), round)).mapToInt(Point::x).sum();
  }

  record Point(int x, int y) {
    Point {
      if (x < 0) {
        throw new IllegalArgumentException("negative x " + x);
      }
    }

    Point(int both) {
      this(both, both);
    }
  }

  static long records(int round) {
    Point a = new Point(round % 5);
    Point b = new Point(a.x() + 1, a.y() > 2 ? new Point(1).y() : new Point(2, 3).x());
    return a.x() + b.y();
  }

  enum Currency {
    EUR("€", new int[] {2}), USD("$", new int[] {2}), JPY("¥", new int[] {0});

    private static final Currency[] ALL = values();
    private final String symbol;
    private final int[] digits;

    Currency(String symbol, int[] digits) {
      this.symbol = new String(symbol);
      this.digits = digits;
    }

    static Currency of(int round) {
      return ALL[round % ALL.length];
    }

    String symbol() {
      return symbol + digits[0];
    }
  }

  interface Shape {
    double area();

    default double[] bounds() {
      return new double[] {0, 0, area(), area()};
    }

    static Shape square(double side) {
      return () -> side * side;
    }
  }

  static long shapes(int round) {
    Shape circle = new Shape() {
      @Override
      public double area() {
        return Math.PI * round * round;
      }
    };
    return (long) (circle.bounds()[2] + Shape.square(round).bounds().length);
  }

  static class Amount {
    final Object unit;

    Amount(Object unit) {
      this.unit = unit;
    }
  }

  static final class Money extends Amount {
    private final long cents;

    Money(long cents, Currency currency) {
      super(new StringBuilder(currency.symbol()));
      this.cents = cents;
    }

    Money(long round) {
      this(new Money(round, Currency.of((int) round)).cents + 1, Currency.of((int) round + 1));
    }

    long cents() {
      return cents + unit.toString().length();
    }
  }

  static long guarded(String text) {
    Map<String, Integer> parsed = new HashMap<>();
    try {
      parsed.put(text, Integer.valueOf(new StringBuilder(text).reverse().toString()));
      return parsed.size();
    } catch (NumberFormatException e) {
      return new IllegalStateException(e).getMessage().length();
    } finally {
      parsed.put("done", new Object().hashCode() > 0 ? 1 : 0);
    }
  }

  static long nested(int round) {
    List<List<Point>> outer = new ArrayList<>(List.of(new ArrayList<>(List.of(new Point(round % 3, 1)))));
    return outer.get(0).get(0).x() + new Point(round > 5 ? new Point(4).x() : 2, new int[round % 4 + 1].length).y();
  }

  static long arrays(int round) {
    int[][] grid = new int[3][round % 4 + 1];
    String[][] names = new String[2][];
    names[0] = new String[] {"a", "b"};
    long[] longs = new long[round % 9];
    return grid.length + grid[2].length + names[0].length + longs.length;
  }

  final class Inner {
    final int value;

    Inner(int value) {
      this.value = value;
    }
  }

  long inner(int round) {
    return new Inner(round).value % 11;
  }

  static long switched(int round) {
    Object made = switch (round % 3) {
      case 0 -> new Point(1);
      case 1 -> new StringBuilder("one");
      default -> {
        try {
          yield new int[round % 5];
        } catch (RuntimeException e) {
          yield new Object();
        }
      }
    };
    return made.getClass().getSimpleName().length();
  }
}
