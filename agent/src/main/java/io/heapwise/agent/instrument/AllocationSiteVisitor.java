// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.instrument;

import io.heapwise.agent.runtime.Sites;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

/** The Byte Buddy visitor wrapper that runs {@link SiteRewriter} over every method of an included class. */
final class AllocationSiteVisitor extends AsmVisitorWrapper.AbstractBase {

  private final AtomicLong sitesRewritten;
  private final boolean exactCounts;

  AllocationSiteVisitor(AtomicLong sitesRewritten, boolean exactCounts) {
    this.sitesRewritten = sitesRewritten;
    this.exactCounts = exactCounts;
  }

  @Override
  public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
      Implementation.Context implementationContext, TypePool typePool,
      FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods, int writerFlags, int readerFlags) {
    return new ClassVisitor(Opcodes.ASM9, classVisitor) {
      private String className;

      @Override
      public void visit(int version, int access, String name, String signature, String superName,
          String[] interfaces) {
        className = name.replace('/', '.');
        super.visit(version, access, name, signature, superName, interfaces);
      }

      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        MethodVisitor target = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (target == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
          return target;
        }
        return new MethodBuffer(target, buffer -> {
          int methodId = buffer.makesDefaultCapacityCollection() ? Sites.newMethodId() : -1;
          SiteRewriter rewriter = new SiteRewriter(buffer.target(), className, name, descriptor, methodId,
              exactCounts);
          buffer.replayInto(rewriter);
          rewriter.visitEnd();
          sitesRewritten.addAndGet(rewriter.sites());
        });
      }
    };
  }
}
