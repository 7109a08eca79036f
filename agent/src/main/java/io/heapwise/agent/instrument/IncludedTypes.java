// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.heapwise.agent.boot.AgentArgs;
import io.heapwise.agent.boot.AgentLog;
import io.heapwise.agent.runtime.Allocations;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * The classes to rewrite: in the {@code include} packages, not in {@code exclude}, and loaded by a class loader
 * that resolves the agent's runtime to the agent's own copy. Rewritten code in a class of a loader that does not
 * (one that does not delegate to the application class loader, as in OSGi) would fail with
 * {@code NoClassDefFoundError}, so such classes are left alone, with one log line per loader.
 */
final class IncludedTypes implements AgentBuilder.RawMatcher {

  private final ElementMatcher.Junction<TypeDescription> packages;
  private final AgentLog log;
  private final Map<ClassLoader, Boolean> loaders = new WeakHashMap<>();

  IncludedTypes(AgentArgs args, AgentLog log) {
    ElementMatcher.Junction<TypeDescription> matcher = none();
    for (String prefix : args.include()) {
      matcher = matcher.or(nameStartsWith(prefix + "."));
    }
    for (String prefix : args.exclude()) {
      matcher = matcher.and(not(nameStartsWith(prefix + ".")));
    }
    this.packages = matcher;
    this.log = log;
  }

  @Override
  public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain) {
    return packages.matches(type) && seesRuntime(loader, type.getName());
  }

  private synchronized boolean seesRuntime(ClassLoader loader, String firstClass) {
    if (loader == null) {
      return false; // the bootstrap loader sees only the JDK
    }
    return loaders.computeIfAbsent(loader, l -> {
      boolean sees;
      try {
        sees = Class.forName(Allocations.class.getName(), false, l) == Allocations.class;
      } catch (ClassNotFoundException | LinkageError e) {
        sees = false;
      }
      if (!sees) {
        log.info("not instrumenting " + firstClass + " nor the other classes of class loader " + l
            + ": it does not delegate to the application class loader, where the agent is; they run unchanged");
      }
      return sees;
    });
  }
}
