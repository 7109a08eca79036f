// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read;

import io.heapwise.analyzer.read.jfr.JfrObject;
import java.time.Duration;
import java.util.List;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedObject;

/**
 * A value the JDK's parser decoded, seen as a {@link JfrObject}. Two views of the same {@code RecordedObject} are
 * equal, so that the mapper's per-chunk caches, keyed by object, work as they do for the chunk reader's shared
 * constant-pool objects.
 */
class JdkRecordedObject implements JfrObject {

  private final RecordedObject object;
  private final String typeName;

  JdkRecordedObject(RecordedObject object, String typeName) {
    this.object = object;
    this.typeName = typeName;
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public boolean hasField(String name) {
    return object.hasField(name);
  }

  @Override
  public long getLong(String name) {
    return object.getLong(name);
  }

  @Override
  public boolean getBoolean(String name) {
    return object.getBoolean(name);
  }

  @Override
  public String getString(String name) {
    return object.getString(name);
  }

  @Override
  public int fieldIndex(String name) {
    List<ValueDescriptor> fields = object.getFields();
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).getName().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public long getLong(int index) {
    return getLong(object.getFields().get(index).getName());
  }

  @Override
  public JfrObject getObject(int index) {
    return getObject(object.getFields().get(index).getName());
  }

  @Override
  public long getDurationNanos(String name) {
    Duration duration = object.getDuration(name);
    return duration == null ? 0 : duration.toNanos();
  }

  @Override
  public JfrObject getObject(String name) {
    Object value = object.getValue(name);
    return value instanceof RecordedObject nested ? new JdkRecordedObject(nested, fieldType(name)) : null;
  }

  @Override
  public Object getValue(String name) {
    return view(object.getValue(name), fieldType(name));
  }

  private static Object view(Object value, String typeName) {
    if (value instanceof RecordedObject nested) {
      return new JdkRecordedObject(nested, typeName);
    }
    if (value instanceof Object[] array) {
      Object[] views = new Object[array.length];
      for (int i = 0; i < array.length; i++) {
        views[i] = view(array[i], typeName);
      }
      return views;
    }
    return value;
  }

  private String fieldType(String name) {
    for (ValueDescriptor field : object.getFields()) {
      if (field.getName().equals(name)) {
        return field.getTypeName();
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JdkRecordedObject view && view.object == object;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(object);
  }
}
