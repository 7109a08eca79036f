// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

/**
 * JDK Mission Control's automated analysis, for the analyzer-speed benchmark: its parser
 * ({@code JfrLoaderToolkit.loadEvents}, which builds JMC's in-memory item collection of every event) and then every
 * rule that {@code RuleRegistry.getRules()} finds on the class path (the {@code flightrecorder.rules.jdk} ones), run
 * the way JMC's report tools run them: {@code RulesToolkit.evaluateParallel} with the rules' default preferences, on
 * as many threads as the JVM has processors, waiting for every result. Benchmark code only.
 *
 * <p>Usage: {@code JmcLoadAndRules FILE}. It prints
 * {@code heapwise-jmc: rules=N items=N loadSeconds=S rulesSeconds=S severities=OK:n,INFO:n,... failed=N}; a rule that
 * throws counts as failed, not as a result.
 */
public final class JmcLoadAndRules {
  private JmcLoadAndRules() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: JmcLoadAndRules FILE");
      System.exit(2);
    }
    long start = System.nanoTime();
    IItemCollection items = JfrLoaderToolkit.loadEvents(new File(args[0]));
    long itemCount = 0;
    for (IItemIterable iterable : items) {
      itemCount += iterable.getItemCount();
    }
    long loaded = System.nanoTime();
    Collection<IRule> rules = new ArrayList<>(RuleRegistry.getRules());
    int threads = Runtime.getRuntime().availableProcessors();
    Map<IRule, Future<IResult>> futures =
        RulesToolkit.evaluateParallel(rules, items, IPreferenceValueProvider.DEFAULT_VALUES, threads);
    Map<Severity, Integer> severities = new EnumMap<>(Severity.class);
    List<String> failures = new ArrayList<>();
    for (Map.Entry<IRule, Future<IResult>> entry : futures.entrySet()) {
      try {
        IResult result = entry.getValue().get();
        severities.merge(result.getSeverity(), 1, Integer::sum);
      } catch (ExecutionException e) {
        failures.add(entry.getKey().getId() + ": " + e.getCause());
      }
    }
    long done = System.nanoTime();
    StringBuilder counts = new StringBuilder();
    severities.forEach((severity, n) -> counts.append(counts.length() == 0 ? "" : ",").append(severity).append(':')
        .append(n));
    System.out.printf(Locale.ROOT, "heapwise-jmc: rules=%d items=%d loadSeconds=%.1f rulesSeconds=%.1f severities=%s"
        + " failed=%d threads=%d%n", rules.size(), itemCount, (loaded - start) / 1e9, (done - loaded) / 1e9, counts,
        failures.size(), threads);
    failures.forEach(f -> System.out.println("heapwise-jmc-failure: " + f));
    // evaluateParallel's pool threads are not daemons in every JMC version: end the JVM explicitly.
    System.exit(0);
  }
}
