// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.bytecode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The exact bytecode length of each method of a class file, which ASM's tree API does not keep: C2's inlining limits
 * ({@code MaxInlineSize} 35, {@code FreqInlineSize} 325 bytes) are about this length, so it must be the real one.
 */
final class CodeLengths {

  private CodeLengths() {
  }

  /** {@code name + descriptor} to code length; methods without code are absent. Empty on a malformed file. */
  static Map<String, Integer> of(byte[] classFile) {
    Map<String, Integer> lengths = new HashMap<>();
    try {
      ByteBuffer in = ByteBuffer.wrap(classFile);
      in.position(8);
      int count = in.getShort() & 0xFFFF;
      String[] utf8 = new String[count];
      for (int i = 1; i < count; i++) {
        int tag = in.get();
        switch (tag) {
          case 1 -> {
            int length = in.getShort() & 0xFFFF;
            utf8[i] = new String(classFile, in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
          }
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.position(in.position() + 4);
          case 5, 6 -> {
            in.position(in.position() + 8);
            i++;
          }
          case 7, 8, 16, 19, 20 -> in.position(in.position() + 2);
          case 15 -> in.position(in.position() + 3);
          default -> {
            return Map.of();
          }
        }
      }
      in.position(in.position() + 6);
      int interfaces = in.getShort() & 0xFFFF;
      in.position(in.position() + 2 * interfaces);
      skipMembers(in);
      int methods = in.getShort() & 0xFFFF;
      for (int m = 0; m < methods; m++) {
        in.position(in.position() + 2);
        String name = utf8[in.getShort() & 0xFFFF];
        String descriptor = utf8[in.getShort() & 0xFFFF];
        int attributes = in.getShort() & 0xFFFF;
        for (int a = 0; a < attributes; a++) {
          String attribute = utf8[in.getShort() & 0xFFFF];
          int length = in.getInt();
          int end = in.position() + length;
          if ("Code".equals(attribute)) {
            lengths.put(name + descriptor, in.getInt(in.position() + 4));
          }
          in.position(end);
        }
      }
      return lengths;
    } catch (RuntimeException e) {
      return Map.of();
    }
  }

  private static void skipMembers(ByteBuffer in) {
    int fields = in.getShort() & 0xFFFF;
    for (int f = 0; f < fields; f++) {
      in.position(in.position() + 6);
      int attributes = in.getShort() & 0xFFFF;
      for (int a = 0; a < attributes; a++) {
        in.position(in.position() + 2);
        int length = in.getInt();
        in.position(in.position() + length);
      }
    }
  }
}
