// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * The abstract interpreter ASM's {@code Analyzer} runs over a method: primitives are just their size, references
 * carry the tracked objects they may be. What creates, reads, stores and calls is left to {@link MethodFlow}, which
 * knows the method's tracked objects and its callees.
 */
final class FlowInterpreter extends Interpreter<FlowValue> implements Opcodes {

  private final MethodFlow flow;

  FlowInterpreter(MethodFlow flow) {
    super(Opcodes.ASM9);
    this.flow = flow;
  }

  @Override
  public FlowValue newValue(Type type) {
    if (type == null) {
      return FlowValue.UNUSABLE;
    }
    return switch (type.getSort()) {
      case Type.VOID -> null;
      case Type.LONG, Type.DOUBLE -> FlowValue.DOUBLE_WORD;
      case Type.ARRAY, Type.OBJECT, Type.METHOD -> FlowValue.UNTRACKED;
      default -> FlowValue.WORD;
    };
  }

  @Override
  public FlowValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
    FlowValue plain = newValue(type);
    return plain != null && plain.isReference() ? flow.parameter(local) : plain;
  }

  @Override
  public FlowValue newEmptyValue(int local) {
    return FlowValue.UNUSABLE;
  }

  @Override
  public FlowValue newExceptionValue(TryCatchBlockNode tryCatch, Frame<FlowValue> handlerFrame, Type exception) {
    return FlowValue.UNTRACKED;
  }

  @Override
  public FlowValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
    return switch (insn.getOpcode()) {
      case ACONST_NULL -> FlowValue.UNTRACKED;
      case ICONST_M1, ICONST_0, ICONST_1, ICONST_2, ICONST_3, ICONST_4, ICONST_5, FCONST_0, FCONST_1, FCONST_2,
          BIPUSH, SIPUSH, JSR -> FlowValue.WORD;
      case LCONST_0, LCONST_1, DCONST_0, DCONST_1 -> FlowValue.DOUBLE_WORD;
      case LDC -> constant(((LdcInsnNode) insn).cst);
      case GETSTATIC -> newValue(Type.getType(((FieldInsnNode) insn).desc));
      case NEW -> flow.allocation(insn);
      default -> throw new AnalyzerException(insn, "unexpected opcode");
    };
  }

  private FlowValue constant(Object value) {
    if (value instanceof Long || value instanceof Double) {
      return FlowValue.DOUBLE_WORD;
    }
    if (value instanceof Integer || value instanceof Float) {
      return FlowValue.WORD;
    }
    if (value instanceof org.objectweb.asm.ConstantDynamic dynamic) {
      return newValue(Type.getType(dynamic.getDescriptor()));
    }
    return FlowValue.UNTRACKED;
  }

  @Override
  public FlowValue copyOperation(AbstractInsnNode insn, FlowValue value) {
    return value;
  }

  @Override
  public FlowValue unaryOperation(AbstractInsnNode insn, FlowValue value) throws AnalyzerException {
    return switch (insn.getOpcode()) {
      case INEG, IINC, L2I, F2I, D2I, I2B, I2C, I2S, FNEG, I2F, L2F, D2F, ARRAYLENGTH, INSTANCEOF -> FlowValue.WORD;
      case LNEG, I2L, F2L, D2L, DNEG, I2D, L2D, F2D -> FlowValue.DOUBLE_WORD;
      case IFEQ, IFNE, IFLT, IFGE, IFGT, IFLE, TABLESWITCH, LOOKUPSWITCH, IRETURN, LRETURN, FRETURN, DRETURN, ARETURN,
          PUTSTATIC, ATHROW, MONITORENTER, MONITOREXIT, IFNULL, IFNONNULL -> null;
      case GETFIELD -> {
        FlowValue plain = newValue(Type.getType(((FieldInsnNode) insn).desc));
        yield plain.isReference() ? flow.load(value) : plain;
      }
      case NEWARRAY, ANEWARRAY -> flow.allocation(insn);
      case CHECKCAST -> value.isReference() ? value : FlowValue.UNTRACKED;
      default -> throw new AnalyzerException(insn, "unexpected opcode");
    };
  }

  @Override
  public FlowValue binaryOperation(AbstractInsnNode insn, FlowValue first, FlowValue second)
      throws AnalyzerException {
    return switch (insn.getOpcode()) {
      case IALOAD, BALOAD, CALOAD, SALOAD, FALOAD, IADD, FADD, ISUB, FSUB, IMUL, FMUL, IDIV, FDIV, IREM, FREM, ISHL,
          ISHR, IUSHR, IAND, IOR, IXOR, LCMP, FCMPL, FCMPG, DCMPL, DCMPG -> FlowValue.WORD;
      case LALOAD, DALOAD, LADD, DADD, LSUB, DSUB, LMUL, DMUL, LDIV, DDIV, LREM, DREM, LSHL, LSHR, LUSHR, LAND, LOR,
          LXOR -> FlowValue.DOUBLE_WORD;
      case AALOAD -> flow.load(first);
      case IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE, IF_ACMPEQ, IF_ACMPNE -> null;
      case PUTFIELD -> {
        flow.store(first, second, insn);
        yield null;
      }
      default -> throw new AnalyzerException(insn, "unexpected opcode");
    };
  }

  @Override
  public FlowValue ternaryOperation(AbstractInsnNode insn, FlowValue first, FlowValue second, FlowValue third) {
    if (insn.getOpcode() == AASTORE) {
      flow.store(first, third, insn);
    }
    return null;
  }

  @Override
  public FlowValue naryOperation(AbstractInsnNode insn, List<? extends FlowValue> values) {
    if (insn instanceof MethodInsnNode call) {
      return flow.callResult(call, values);
    }
    if (insn instanceof InvokeDynamicInsnNode dynamic) {
      return flow.dynamicResult(dynamic, values);
    }
    return flow.allocation(insn); // MULTIANEWARRAY
  }

  @Override
  public void returnOperation(AbstractInsnNode insn, FlowValue value, FlowValue expected) {
    // Returns are read from the final frames, like every other way out.
  }

  @Override
  public FlowValue merge(FlowValue value1, FlowValue value2) {
    return value1.merge(value2);
  }
}
