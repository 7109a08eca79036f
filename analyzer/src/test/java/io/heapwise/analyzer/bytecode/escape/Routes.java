// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Small methods, one per way an object can (or cannot) leave the method that allocates it. Never run: the
 * escape-analysis tests read their class files.
 */
public final class Routes {

  static Vec lastOrigin;
  static Runnable pending;
  static Object[] lastArguments;

  private Vec cached;

  private Routes() {
  }

  // ---- no escape

  /** A scratch array used only here. */
  static double localScratch(double a, double b) {
    double[] pair = new double[2];
    pair[0] = a;
    pair[1] = b;
    return pair[0] * pair[1];
  }

  /** A lock object: monitors do not make it escape, and Object's empty constructor is no call. */
  static int localLock(int value) {
    Object lock = new Object();
    synchronized (lock) {
      return value + 1;
    }
  }

  // ---- argument escape

  /** Passed to its constructor and to a small private helper that only reads it. */
  static double passedToHelper(double x, double y) {
    Vec v = new Vec(x, y);
    return norm(v);
  }

  private static double norm(Vec v) {
    return Math.sqrt(v.x * v.x + v.y * v.y);
  }

  /** Stored into a local array that itself stays local: as good as the array. */
  static double storedInLocalArray(double x) {
    Vec[] corners = {new Vec(x, 0), new Vec(0, x)};
    return corners[0].x + corners[1].y;
  }

  /** System.arraycopy is an intrinsic C2 treats as ArgEscape. */
  static int copiedByArraycopy(int[] source) {
    int[] copy = new int[8];
    System.arraycopy(source, 0, copy, 0, copy.length);
    int sum = 0;
    for (int value : copy) {
      sum += value;
    }
    return sum;
  }

  // ---- global escape, one route each

  void storedToField(double x) {
    cached = new Vec(x, x);
  }

  static void storedToStatic(double x) {
    lastOrigin = new Vec(x, 0);
  }

  static void storedToArray(Vec[] history, int slot, double x) {
    history[slot] = new Vec(x, x);
  }

  static Vec returned(double x) {
    return new Vec(x, -x);
  }

  static void thrown(int code) {
    throw new IllegalStateException("unexpected code");
  }

  static void passedToUnknownCode(Consumer<Vec> sink, double x) {
    sink.accept(new Vec(x, x));
  }

  static void passedToNativeCode(double x) {
    register(new Vec(x, x));
  }

  private static native void register(Object listener);

  /** The vector goes six calls deep, one more than the analysis follows. */
  static double passedTooDeep(double x) {
    Vec v = new Vec(x, x);
    return level1(v);
  }

  private static double level1(Vec v) {
    return level2(v);
  }

  private static double level2(Vec v) {
    return level3(v);
  }

  private static double level3(Vec v) {
    return level4(v);
  }

  private static double level4(Vec v) {
    return level5(v);
  }

  private static double level5(Vec v) {
    return level6(v);
  }

  private static double level6(Vec v) {
    return v.x;
  }

  /** A helper that stores its argument to a static: the route is the helper's store. */
  static void storedByHelper(double x) {
    remember(new Vec(x, x));
  }

  private static void remember(Vec v) {
    lastOrigin = v;
  }

  /** Stored into a local array, which is then stored to a static: the element escapes with its array. */
  static void storedInEscapingArray(double x) {
    Vec[] pair = new Vec[2];
    pair[0] = new Vec(x, x);
    lastArguments = pair;
  }

  // ---- constructors

  static int constructorLeaksThis(int id) {
    Listener listener = new Listener(id);
    return listener.id;
  }

  static double constructorKeepsThis(double x) {
    Vec v = new Vec(x, 1);
    return v.y;
  }

  // ---- lambdas

  /** The lambda is stored to a static: it escapes, and so does what it captured. */
  static void capturedByStoredLambda(String name, double x) {
    Vec origin = new Vec(x, x);
    pending = () -> System.out.println(name + origin.x);
  }

  /** The lambda is only called here: it and what it captured are passed to the lambda's body only. */
  static double capturedByLocalLambda(double x) {
    Vec v = new Vec(x, x);
    DoubleSupplier length = () -> v.length();
    return length.getAsDouble();
  }

  // ---- varargs

  /** String.format builds an Object[] of one boxed Integer. */
  static String formatted(int count) {
    return String.format("%d items", count);
  }

  static int varargsKeptByCallee() {
    return sum(1, 2, 3);
  }

  private static int sum(int... values) {
    int total = 0;
    for (int value : values) {
      total += value;
    }
    return total;
  }

  static void varargsStoredByCallee(String what) {
    logLater(what, "later");
  }

  private static void logLater(Object... arguments) {
    lastArguments = arguments;
  }

  // ---- iterators and boxing

  static int totalLength(ArrayList<String> names) {
    int total = 0;
    for (String name : names) {
      total += name.length();
    }
    return total;
  }

  static int totalLengthOfList(List<String> names) {
    int total = 0;
    for (String name : names) {
      total += name.length();
    }
    return total;
  }

  /** The elements escape into {@code out}; the iterator does not. */
  static void collectInto(ArrayList<String> names, List<String> out) {
    for (String name : names) {
      out.add(name);
    }
  }

  static int boxedLocally(int reading) {
    Integer boxed = Integer.valueOf(reading);
    return boxed.hashCode() + boxed.intValue();
  }

  static void boxedIntoMap(Map<String, Integer> counts, String key, int count) {
    counts.put(key, count);
  }

  // ---- calls of abstract methods: the implementations found decide

  static double areaOf(Shape shape, double width, double height) {
    return shape.area(new Vec(width, height));
  }

  static void recordPosition(Recorder recorder, double x) {
    recorder.record(new Vec(x, x));
  }

  // ---- merges and array lengths

  static double merged(boolean flip, double x) {
    Vec v = flip ? new Vec(x, 0) : new Vec(0, x);
    return v.x + v.y;
  }

  /** javac gives {@code a} and {@code b} the same slot; the slot is dead at the loop's head: no merge. */
  static double reusedSlot(double x, int rounds) {
    double total = 0;
    {
      Vec a = new Vec(x, 0);
      total += a.x;
    }
    for (int i = 0; i < rounds; i++) {
      Vec b = new Vec(i, x);
      total += b.y;
    }
    return total;
  }

  static double smallWindow(double[] samples) {
    double[] window = new double[8];
    System.arraycopy(samples, 0, window, 0, Math.min(samples.length, window.length));
    return window[0];
  }

  static double largeWindow(double[] samples) {
    double[] window = new double[100];
    System.arraycopy(samples, 0, window, 0, Math.min(samples.length, window.length));
    return window[0];
  }

  static double sizedWindow(double[] samples, int size) {
    double[] window = new double[size];
    return window.length + samples.length;
  }

  /** A chain of appends is one object: append returns its receiver. */
  static String label(int id) {
    StringBuilder text = new StringBuilder();
    text.append("item-").append(id);
    return text.toString();
  }

  /** Recursion: the analysis stops at the recursive call. */
  static double recursive(double x, int n) {
    return descend(new Vec(x, x), n);
  }

  private static double descend(Vec v, int n) {
    return n == 0 ? v.x : descend(v, n - 1);
  }
}
