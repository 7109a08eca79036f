// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The classes escape analysis reads, application ones from {@link ClassFiles} and the JDK's from
 * {@link JdkClassFiles}, and the methods calls run: resolution through the class hierarchy, and the implementations
 * of an abstract application method (C2's class hierarchy analysis, over the classes near it).
 */
final class Hierarchy {

  /** Implementations of an abstract method looked at: beyond this a call is megamorphic and unknown code. */
  static final int MAX_IMPLEMENTATIONS = 8;

  /** The running JDK's classes do not change: parsed once per process, for every analysis. */
  private static final Map<String, Optional<LoadedClass>> JDK_CLASSES = new ConcurrentHashMap<>();
  private static final int MAX_JDK_CLASSES = 4096;

  private final ClassFiles classFiles;
  private final Map<String, Optional<LoadedClass>> classes = new ConcurrentHashMap<>();
  private final Map<String, List<Target>> implementations = new ConcurrentHashMap<>();

  Hierarchy(ClassFiles classFiles) {
    this.classFiles = classFiles;
  }

  /**
   * A class file, its header parsed (hierarchy, methods' names and flags, source file), and each method's code
   * parsed when first needed: most callees of a JDK class are never read, and parsing a whole {@code String} or
   * {@code Formatter} costs more than analysing the few methods used.
   */
  static final class LoadedClass {
    private final byte[] classFile;
    private final ClassNode node;
    private final Map<String, Integer> codeLengths;
    private final Map<String, MethodNode> bodies = new ConcurrentHashMap<>();

    LoadedClass(byte[] classFile) {
      this.classFile = classFile;
      this.node = new ClassNode();
      new ClassReader(classFile).accept(node, ClassReader.SKIP_CODE);
      this.codeLengths = CodeLengths.of(classFile);
    }

    /** The header: methods without code. */
    ClassNode node() {
      return node;
    }

    int codeLength(MethodNode method) {
      return codeLength(method.name, method.desc);
    }

    /** Bytes of the method's bytecode; -1 for a method the class does not declare or that has no code. */
    int codeLength(String name, String descriptor) {
      return codeLengths.getOrDefault(name + descriptor, -1);
    }

    /** The method with its code, line numbers included. */
    MethodNode body(MethodNode header) {
      return bodies.computeIfAbsent(header.name + header.desc, key -> {
        MethodNode[] found = new MethodNode[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
              String[] exceptions) {
            if (found[0] != null || !name.equals(header.name) || !descriptor.equals(header.desc)) {
              return null;
            }
            found[0] = new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
            return found[0];
          }
        }, ClassReader.SKIP_FRAMES);
        return found[0] != null ? found[0] : header;
      });
    }
  }

  /** The code a call runs, or why it is not known ({@code failure} set, the rest null). */
  record Target(LoadedClass owner, MethodNode method, boolean staticallyBound, String failure) {
    static Target failed(String why) {
      return new Target(null, null, false, why);
    }
  }

  Optional<LoadedClass> load(String internalName) {
    Optional<LoadedClass> cached = classes.get(internalName);
    if (cached == null) {
      cached = read(internalName);
      classes.put(internalName, cached);
    }
    return cached;
  }

  private Optional<LoadedClass> read(String internalName) {
    String binaryName = internalName.replace('/', '.');
    Optional<byte[]> bytes;
    try {
      bytes = classFiles.find(binaryName);
    } catch (RuntimeException e) {
      bytes = Optional.empty();
    }
    if (bytes.isPresent()) {
      return parse(bytes.get());
    }
    Optional<LoadedClass> jdk = JDK_CLASSES.get(internalName);
    if (jdk == null) {
      jdk = JdkClassFiles.find(binaryName).flatMap(Hierarchy::parse);
      if (JDK_CLASSES.size() >= MAX_JDK_CLASSES) {
        JDK_CLASSES.clear();
      }
      JDK_CLASSES.put(internalName, jdk);
    }
    return jdk;
  }

  private static Optional<LoadedClass> parse(byte[] classFile) {
    try {
      return Optional.of(new LoadedClass(classFile));
    } catch (RuntimeException e) {
      return Optional.empty(); // a class file newer than ASM reads, or a damaged one: its code is unknown
    }
  }

  /**
   * The method a call runs: for {@code invokestatic} and {@code invokespecial} the named one (or inherited); for
   * virtual and interface calls the one the receiver's class ({@code exact} when known, else the named class)
   * declares or inherits, then a default method of its interfaces.
   */
  Target resolve(int opcode, String owner, String name, String descriptor, String exact) {
    boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
    String start = virtual && exact != null ? exact : owner;
    boolean finalClass = load(owner).map(c -> (c.node().access & Opcodes.ACC_FINAL) != 0).orElse(false);
    List<String> interfaces = new ArrayList<>();
    String current = start;
    for (int guard = 0; current != null && guard < 64; guard++) {
      Optional<LoadedClass> loaded = load(current);
      if (loaded.isEmpty()) {
        return Target.failed("class " + MethodCode.binary(current) + " is not on the class path");
      }
      ClassNode node = loaded.get().node();
      MethodNode found = find(node, name, descriptor);
      if (found != null && (found.access & Opcodes.ACC_ABSTRACT) == 0) {
        boolean bound = !virtual || exact != null || finalClass
            || (found.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0;
        return new Target(loaded.get(), found, bound, null);
      }
      boolean isInterface = (node.access & Opcodes.ACC_INTERFACE) != 0;
      if (isInterface) {
        interfaces.add(current);
      } else {
        interfaces.addAll(node.interfaces);
      }
      current = isInterface ? null : node.superName;
    }
    Deque<String> queue = new ArrayDeque<>(interfaces);
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      String candidate = queue.poll();
      if (!seen.add(candidate)) {
        continue;
      }
      Optional<LoadedClass> loaded = load(candidate);
      if (loaded.isEmpty()) {
        continue;
      }
      MethodNode found = find(loaded.get().node(), name, descriptor);
      if (found != null && (found.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC)) == 0) {
        boolean bound = exact != null || (found.access & Opcodes.ACC_PRIVATE) != 0;
        return new Target(loaded.get(), found, bound, null);
      }
      queue.addAll(loaded.get().node().interfaces);
    }
    String named = MethodCode.binary(owner) + "." + name;
    return Target.failed(virtual && exact == null
        ? named + " is abstract: which class implements it is not known here"
        : "no code for " + named);
  }

  /**
   * The implementations of an abstract application method that a call with an unknown receiver may run: the
   * concrete subclasses among the declaring class's nest members, its permitted subclasses and the classes of its
   * package (where they nearly always are). Empty for JDK classes (too many implementations to be useful) and when
   * there are more than {@value #MAX_IMPLEMENTATIONS}.
   */
  List<Target> implementations(String owner, String name, String descriptor) {
    String key = owner + "." + name + descriptor;
    List<Target> found = implementations.get(key);
    if (found == null) {
      found = findImplementations(owner, name, descriptor);
      implementations.put(key, found);
    }
    return found;
  }

  private List<Target> findImplementations(String owner, String name, String descriptor) {
    String binaryName = MethodCode.binary(owner);
    Optional<LoadedClass> declared = load(owner);
    boolean application;
    try {
      application = classFiles.find(binaryName).isPresent();
    } catch (RuntimeException e) {
      application = false;
    }
    if (declared.isEmpty() || !application) {
      return List.of();
    }
    ClassNode node = declared.get().node();
    Set<String> candidates = new java.util.TreeSet<>();
    if (node.nestMembers != null) {
      candidates.addAll(node.nestMembers);
    }
    if (node.nestHostClass != null) {
      candidates.add(node.nestHostClass);
      load(node.nestHostClass).map(host -> host.node().nestMembers).ifPresent(candidates::addAll);
    }
    if (node.permittedSubclasses != null) {
      candidates.addAll(node.permittedSubclasses);
    }
    int dot = binaryName.lastIndexOf('.');
    for (String sibling : classFiles.classNamesIn(dot < 0 ? "" : binaryName.substring(0, dot))) {
      candidates.add(sibling.replace('.', '/'));
    }
    List<Target> out = new ArrayList<>();
    Set<MethodNode> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (String candidate : candidates) {
      Optional<LoadedClass> loaded = load(candidate);
      if (candidate.equals(owner) || loaded.isEmpty()
          || (loaded.get().node().access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) != 0
          || !isSubtype(candidate, owner)) {
        continue;
      }
      Target target = resolve(Opcodes.INVOKEVIRTUAL, owner, name, descriptor, candidate);
      if (target.failure() == null && seen.add(target.method())) {
        out.add(new Target(target.owner(), target.method(), false, null));
        if (out.size() > MAX_IMPLEMENTATIONS) {
          return List.of();
        }
      }
    }
    return List.copyOf(out);
  }

  private boolean isSubtype(String candidate, String owner) {
    Deque<String> queue = new ArrayDeque<>(List.of(candidate));
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty() && seen.size() < 64) {
      String type = queue.poll();
      if (type.equals(owner)) {
        return true;
      }
      if (seen.add(type)) {
        load(type).ifPresent(loaded -> {
          if (loaded.node().superName != null) {
            queue.add(loaded.node().superName);
          }
          queue.addAll(loaded.node().interfaces);
        });
      }
    }
    return false;
  }

  private static MethodNode find(ClassNode node, String name, String descriptor) {
    for (MethodNode method : node.methods) {
      if (method.name.equals(name) && method.desc.equals(descriptor)) {
        return method;
      }
    }
    return null;
  }
}
