// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One application class file, as loaded, so that a recording analyzed on another machine still has the bytecode
 * facts (constructors called, constant array lengths, field layouts) without the application's jars.
 */
@Name(ClassFileEvent.NAME)
@Label("Heapwise Class File")
@Category({"Heapwise"})
@Description("An application class file as loaded, for offline bytecode facts")
@StackTrace(false)
final class ClassFileEvent extends Event {

  /** The analyzer reads this event by this name and by its field names, never by class: keep all of them. */
  static final String NAME = "heapwise.ClassFile";

  @Label("Class Name")
  @Description("Binary name with dots, e.g. com.acme.OrderBook$Level")
  String className;

  @Label("Class File")
  @Description("The class file bytes, Base64-encoded")
  String classFile;
}
