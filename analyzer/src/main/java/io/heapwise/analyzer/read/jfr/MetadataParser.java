// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.read.jfr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a chunk's metadata event: a table of strings, then a tree of elements whose {@code class} elements under
 * {@code metadata} declare the types, their fields and the fields' annotations.
 */
final class MetadataParser {

  /** The metadata tree is five levels deep (root, metadata, class, field, annotation); this is plenty. */
  private static final int MAX_DEPTH = 32;
  private static final int METADATA_TYPE_ID = 0;

  private final ChunkInput in;
  private String[] strings;

  private MetadataParser(ChunkInput in) {
    this.in = in;
  }

  /** The types by id; a later declaration of an id replaces an earlier one, as the JDK's reader does. */
  static Map<Long, JfrType> parse(ChunkInput in, int offset) throws JfrFormatException {
    declarations(in, offset);
    in.readLong(); // metadata id
    return new MetadataParser(in).types();
  }

  /**
   * Where the metadata event at {@code offset} starts to declare types, after its size, type, start time and
   * duration, which differ from chunk to chunk when the types do not; leaves {@code in} there, its window ending
   * where the event ends.
   */
  static int declarations(ChunkInput in, int offset) throws JfrFormatException {
    if (offset < JfrChunkReader.HEADER_BYTES || offset >= in.chunkEnd()) {
      throw new JfrFormatException("the metadata offset " + offset + " is outside the chunk", 0);
    }
    in.window(offset, in.chunkEnd());
    int size = in.readInt();
    if (size <= 0 || size > in.chunkEnd() - offset) {
      throw new JfrFormatException("the metadata event's size " + size + " does not fit the chunk", offset);
    }
    in.window(in.position, offset + size);
    long typeId = in.readLong();
    if (typeId != METADATA_TYPE_ID) {
      throw new JfrFormatException("expected the metadata event (type 0), found type " + typeId, offset);
    }
    in.readLong(); // start time
    in.readLong(); // duration
    return in.position;
  }

  private Map<Long, JfrType> types() throws JfrFormatException {
    int count = in.checkCount(in.readInt(), "the metadata's string count");
    strings = new String[count];
    for (int i = 0; i < count; i++) {
      strings[i] = readString();
    }
    Element root = element(0);
    Element metadata = root.child("metadata");
    if (metadata == null) {
      throw in.damaged("the metadata has no metadata element");
    }
    List<Element> classes = metadata.children("class");
    Map<Long, JfrType> types = new HashMap<>();
    List<JfrType> declared = new ArrayList<>();
    for (Element element : classes) {
      JfrType type = new JfrType(element.longAttribute("id", -1), element.attribute("name"),
          element.attribute("superType"), element.attribute("simpleType") != null);
      types.put(type.id, type);
      declared.add(type);
    }
    for (int i = 0; i < classes.size(); i++) {
      declared.get(i).fields = fields(classes.get(i), types);
    }
    for (JfrType type : declared) {
      type.kind = JfrType.kindOf(type.name == null ? "" : type.name, type.fields.length > 0);
      if (type.simpleType && type.fields.length != 1) {
        throw in.damaged("simple type " + type.name + " has " + type.fields.length + " fields, not one");
      }
    }
    for (JfrType type : declared) {
      type.kinds = new int[type.fields.length];
      type.names = new String[type.fields.length];
      for (int i = 0; i < type.fields.length; i++) {
        JfrField field = type.fields[i];
        field.resolve(types.get(field.typeId));
        type.kinds[i] = field.kind;
        type.names[i] = field.name;
        if (!field.constantPool && field.type.kind < 0) {
          throw in.damaged("field " + type.name + "." + field.name + " has type " + field.type.name
              + ", which has no fields and is not a primitive");
        }
      }
      if (type.event) {
        type.leadingTicks = type.indexOf("duration") >= 0 ? 2 : 1;
        if (type.fields.length < type.leadingTicks) {
          throw in.damaged("event type " + type.name + " lacks its start time field");
        }
        int prefix = type.leadingTicks;
        while (prefix < type.kinds.length
            && (type.kinds[prefix] == JfrField.LONG || type.kinds[prefix] == JfrField.POOL)) {
          prefix++;
        }
        type.longPrefix = prefix;
      }
    }
    return types;
  }

  private JfrField[] fields(Element typeElement, Map<Long, JfrType> types) throws JfrFormatException {
    List<Element> elements = typeElement.children("field");
    JfrField[] fields = new JfrField[elements.size()];
    for (int i = 0; i < fields.length; i++) {
      Element element = elements.get(i);
      long typeId = element.longAttribute("class", -1);
      String name = element.attribute("name");
      if (!types.containsKey(typeId) || name == null) {
        throw in.damaged("field " + name + " of " + typeElement.attribute("name") + " has no known type ("
            + typeId + ")");
      }
      JfrField field = new JfrField(name, typeId, element.longAttribute("dimension", 0) > 0,
          element.attribute("constantPool") != null);
      for (Element annotation : element.children("annotation")) {
        JfrType annotationType = types.get(annotation.longAttribute("class", -1));
        String annotationName = annotationType == null ? "" : String.valueOf(annotationType.name);
        switch (annotationName) {
          case "jdk.jfr.Unsigned" -> field.unsigned = true;
          case "jdk.jfr.Timespan" -> field.timespanUnit = annotation.attribute("value");
          default -> {
            // Labels, descriptions, content types: not needed to read values.
          }
        }
      }
      fields[i] = field;
    }
    return fields;
  }

  private Element element(int depth) throws JfrFormatException {
    if (depth > MAX_DEPTH) {
      throw in.damaged("the metadata nests deeper than " + MAX_DEPTH + " elements");
    }
    Element element = new Element(in.position, string());
    int attributes = in.checkCount(in.readInt(), "the metadata element's attribute count");
    for (int i = 0; i < attributes; i++) {
      element.attributes.add(string());
      element.attributes.add(string());
    }
    int children = in.checkCount(in.readInt(), "the metadata element's child count");
    for (int i = 0; i < children; i++) {
      element.children.add(element(depth + 1));
    }
    return element;
  }

  private String string() throws JfrFormatException {
    int index = in.readInt();
    if (index < 0 || index >= strings.length) {
      throw in.damaged("metadata string " + index + " is not in its table of " + strings.length);
    }
    return strings[index];
  }

  private String readString() throws JfrFormatException {
    byte encoding = in.readByte();
    return switch (encoding) {
      case Decoder.STRING_NULL -> null;
      case Decoder.STRING_EMPTY -> "";
      case Decoder.STRING_UTF8 -> in.readString(in.readInt(), false);
      case Decoder.STRING_LATIN1 -> in.readString(in.readInt(), true);
      case Decoder.STRING_CHARS -> Decoder.readChars(in);
      default -> throw in.damaged("metadata string encoding " + encoding + " is not one the metadata can use");
    };
  }

  /** One element of the metadata tree; attributes alternate name and value. */
  private static final class Element {
    final int offset;
    final String name;
    final List<String> attributes = new ArrayList<>();
    final List<Element> children = new ArrayList<>();

    Element(int offset, String name) {
      this.offset = offset;
      this.name = name;
    }

    String attribute(String key) {
      for (int i = 0; i < attributes.size(); i += 2) {
        if (key.equals(attributes.get(i))) {
          return attributes.get(i + 1);
        }
      }
      return null;
    }

    long longAttribute(String key, long absent) throws JfrFormatException {
      String value = attribute(key);
      if (value == null) {
        return absent;
      }
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new JfrFormatException("metadata attribute " + key + "=\"" + value + "\" is not a number", offset);
      }
    }

    Element child(String childName) {
      for (Element child : children) {
        if (childName.equals(child.name)) {
          return child;
        }
      }
      return null;
    }

    List<Element> children(String childName) {
      List<Element> found = new ArrayList<>();
      for (Element child : children) {
        if (childName.equals(child.name)) {
          found.add(child);
        }
      }
      return found;
    }
  }
}
