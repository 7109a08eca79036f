// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import static io.heapwise.cli.render.CallTrees.frame;
import static io.heapwise.cli.render.CallTrees.root;
import static io.heapwise.cli.render.CallTrees.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.model.StackNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call tree as folded stacks for flamegraph.pl and speedscope. */
class CollapsedRendererTest {

  private static String render(StackNode tree) throws IOException {
    StringWriter out = new StringWriter();
    new CollapsedRenderer().render(CallTrees.report(tree), out);
    return out.toString();
  }

  @Test
  void oneSortedLinePerPathFromTheOutermostFrameToTheType() throws Exception {
    assertThat(render(CallTrees.twoThreads())).isEqualTo(""
        + "(other stacks) 150\n"
        + "com.acme.Server.main:10;com.acme.Book.match:61;byte[] 400\n"
        + "com.acme.Server.main:10;com.acme.Book.match:61;com.acme.Order 100\n"
        + "java.lang.Thread.run:833;com.acme.Book$Index.find;com.acme.Book.match:61;byte[] 300\n");
  }

  @Test
  void theValuesAddUpToTheRootsBytes() throws Exception {
    StackNode tree = CallTrees.twoThreads();

    long sum = render(tree).lines().mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();

    assertThat(sum).isEqualTo(tree.bytes());
  }

  @Test
  void framesCannotSplitAStackOrALine() throws Exception {
    StackNode tree = root(frame("com.acme.Odd", "a;b\nc", 3, type("[Lcom.acme.Odd;", 8, 1)));

    assertThat(render(tree)).isEqualTo("com.acme.Odd.a_b c:3;[Lcom.acme.Odd_ 8\n");
  }

  @Test
  void allocationsWithoutAStackHaveTheirOwnLine() throws Exception {
    StackNode tree = new StackNode(StackNode.Kind.ROOT, null, null, -1, 130, 3,
        List.of(frame("com.acme.Book", "match", 61, type("byte[]", 100, 2))));

    assertThat(render(tree)).isEqualTo("(no stack) 30\ncom.acme.Book.match:61;byte[] 100\n");
  }
}
