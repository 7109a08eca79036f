// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli.render;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a gzipped pprof profile with the protobuf library, from message types declared here with pprof's
 * {@code profile.proto} field numbers: an independent reader of what {@link PprofRenderer} writes by hand. Public
 * for the integration tests that read the CLI's output files.
 */
public final class PprofDecoder {

  private static final String PACKAGE = "perftools.profiles";
  private static final Descriptor PROFILE = profileDescriptor();

  private PprofDecoder() {
  }

  public static Profile decode(byte[] gzipped) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return new Profile(DynamicMessage.parseFrom(PROFILE, in.readAllBytes()));
    }
  }

  /** A decoded profile, with its string indexes and ids resolved. */
  public static final class Profile {

    private final Message message;
    private final List<String> strings = new ArrayList<>();

    Profile(Message message) {
      this.message = message;
      for (Object string : list(message, "string_table")) {
        strings.add((String) string);
      }
    }

    public List<String> stringTable() {
      return strings;
    }

    /** {@code alloc_space/bytes} for each value column. */
    public List<String> sampleTypes() {
      return messages(message, "sample_type").stream().map(this::valueType).toList();
    }

    public String defaultSampleType() {
      return string(message, "default_sample_type");
    }

    public String periodType() {
      return valueType((Message) message.getField(field(message, "period_type")));
    }

    public long timeNanos() {
      return number(message, "time_nanos");
    }

    public long durationNanos() {
      return number(message, "duration_nanos");
    }

    public List<String> comments() {
      return list(message, "comment").stream().map(index -> strings.get(Math.toIntExact((Long) index))).toList();
    }

    /** The sum of one value column over all samples. */
    public long total(int column) {
      return messages(message, "sample").stream().mapToLong(sample -> (Long) list(sample, "value").get(column))
          .sum();
    }

    /** Each sample's function names, leaf first as pprof stores them, then its values: {@code byte[];f;g 2 300}. */
    public List<String> samples() {
      Map<Long, Message> locations = byId("location");
      Map<Long, Message> functions = byId("function");
      List<String> samples = new ArrayList<>();
      for (Message sample : messages(message, "sample")) {
        List<String> names = new ArrayList<>();
        for (Object locationId : list(sample, "location_id")) {
          for (Message line : messages(locations.get((Long) locationId), "line")) {
            names.add(string(functions.get(number(line, "function_id")), "name"));
          }
        }
        List<String> values = list(sample, "value").stream().map(String::valueOf).toList();
        samples.add(String.join(";", names) + " " + String.join(" ", values));
      }
      return samples;
    }

    /** Every function as {@code name [system name] file}. */
    public List<String> functions() {
      return messages(message, "function").stream()
          .map(function -> string(function, "name") + " [" + string(function, "system_name") + "] "
              + string(function, "filename"))
          .toList();
    }

    /** Every location's lines as {@code function file:line}, line 0 when unknown as in pprof. */
    public List<String> locations() {
      Map<Long, Message> functions = byId("function");
      List<String> locations = new ArrayList<>();
      for (Message location : messages(message, "location")) {
        for (Message line : messages(location, "line")) {
          Message function = functions.get(number(line, "function_id"));
          String name = function == null ? "?" : string(function, "name") + " " + string(function, "filename");
          locations.add(name + ":" + number(line, "line"));
        }
      }
      return locations;
    }

    /** What pprof would reject: ids that are 0, repeated or point nowhere, and string indexes out of the table. */
    public List<String> brokenReferences() {
      List<String> broken = new ArrayList<>();
      Map<Long, Message> locations = checkedIds("location", broken);
      Map<Long, Message> functions = checkedIds("function", broken);
      for (Message sample : messages(message, "sample")) {
        for (Object id : list(sample, "location_id")) {
          if (!locations.containsKey((Long) id)) {
            broken.add("sample -> location " + id);
          }
        }
        if (list(sample, "value").size() != messages(message, "sample_type").size()) {
          broken.add("sample with " + list(sample, "value").size() + " values");
        }
      }
      for (Message location : messages(message, "location")) {
        if (number(location, "mapping_id") != 0) {
          broken.add("location -> mapping " + number(location, "mapping_id"));
        }
        for (Message line : messages(location, "line")) {
          if (!functions.containsKey(number(line, "function_id"))) {
            broken.add("location " + number(location, "id") + " -> function " + number(line, "function_id"));
          }
        }
      }
      for (Message function : messages(message, "function")) {
        for (String index : List.of("name", "system_name", "filename")) {
          if (number(function, index) < 0 || number(function, index) >= strings.size()) {
            broken.add("function " + number(function, "id") + " " + index + " -> string " + number(function, index));
          }
        }
      }
      return broken;
    }

    private Map<Long, Message> checkedIds(String table, List<String> broken) {
      Map<Long, Message> byId = new HashMap<>();
      for (Message entry : messages(message, table)) {
        long id = number(entry, "id");
        if (id == 0 || byId.put(id, entry) != null) {
          broken.add(table + " id " + id + " is 0 or repeated");
        }
      }
      return byId;
    }

    private Map<Long, Message> byId(String table) {
      return checkedIds(table, new ArrayList<>());
    }

    private String valueType(Message valueType) {
      return string(valueType, "type") + "/" + string(valueType, "unit");
    }

    private String string(Message owner, String field) {
      return strings.get(Math.toIntExact(number(owner, field)));
    }
  }

  private static long number(Message owner, String field) {
    Object value = owner.getField(field(owner, field));
    return value instanceof Boolean flag ? (flag ? 1 : 0) : (Long) value;
  }

  private static List<?> list(Message owner, String field) {
    return (List<?>) owner.getField(field(owner, field));
  }

  private static List<Message> messages(Message owner, String field) {
    return list(owner, field).stream().map(Message.class::cast).toList();
  }

  private static FieldDescriptor field(Message owner, String name) {
    FieldDescriptor field = owner.getDescriptorForType().findFieldByName(name);
    if (field == null) {
      throw new IllegalArgumentException(owner.getDescriptorForType().getName() + " has no field " + name);
    }
    return field;
  }

  /** profile.proto's messages as pprof declares them (the fields a reader of Heapwise's profiles meets). */
  private static Descriptor profileDescriptor() {
    FileDescriptorProto file = FileDescriptorProto.newBuilder()
        .setName("profile.proto")
        .setPackage(PACKAGE)
        .setSyntax("proto3")
        .addMessageType(message("Profile",
            repeated("sample_type", 1, "ValueType"),
            repeated("sample", 2, "Sample"),
            repeated("mapping", 3, "Mapping"),
            repeated("location", 4, "Location"),
            repeated("function", 5, "Function"),
            scalar("string_table", 6, Type.TYPE_STRING, Label.LABEL_REPEATED),
            scalar("drop_frames", 7, Type.TYPE_INT64, Label.LABEL_OPTIONAL),
            scalar("keep_frames", 8, Type.TYPE_INT64, Label.LABEL_OPTIONAL),
            scalar("time_nanos", 9, Type.TYPE_INT64, Label.LABEL_OPTIONAL),
            scalar("duration_nanos", 10, Type.TYPE_INT64, Label.LABEL_OPTIONAL),
            single("period_type", 11, "ValueType"),
            scalar("period", 12, Type.TYPE_INT64, Label.LABEL_OPTIONAL),
            scalar("comment", 13, Type.TYPE_INT64, Label.LABEL_REPEATED),
            scalar("default_sample_type", 14, Type.TYPE_INT64, Label.LABEL_OPTIONAL)))
        .addMessageType(message("ValueType",
            scalar("type", 1, Type.TYPE_INT64, Label.LABEL_OPTIONAL),
            scalar("unit", 2, Type.TYPE_INT64, Label.LABEL_OPTIONAL)))
        .addMessageType(message("Sample",
            scalar("location_id", 1, Type.TYPE_UINT64, Label.LABEL_REPEATED),
            scalar("value", 2, Type.TYPE_INT64, Label.LABEL_REPEATED),
            repeated("label", 3, "Label")))
        .addMessageType(message("Label",
            scalar("key", 1, Type.TYPE_INT64, Label.LABEL_OPTIONAL),
            scalar("str", 2, Type.TYPE_INT64, Label.LABEL_OPTIONAL),
            scalar("num", 3, Type.TYPE_INT64, Label.LABEL_OPTIONAL),
            scalar("num_unit", 4, Type.TYPE_INT64, Label.LABEL_OPTIONAL)))
        .addMessageType(message("Mapping",
            scalar("id", 1, Type.TYPE_UINT64, Label.LABEL_OPTIONAL),
            scalar("memory_start", 2, Type.TYPE_UINT64, Label.LABEL_OPTIONAL),
            scalar("memory_limit", 3, Type.TYPE_UINT64, Label.LABEL_OPTIONAL),
            scalar("file_offset", 4, Type.TYPE_UINT64, Label.LABEL_OPTIONAL),
            scalar("filename", 5, Type.TYPE_INT64, Label.LABEL_OPTIONAL),
            scalar("build_id", 6, Type.TYPE_INT64, Label.LABEL_OPTIONAL),
            scalar("has_functions", 7, Type.TYPE_BOOL, Label.LABEL_OPTIONAL),
            scalar("has_filenames", 8, Type.TYPE_BOOL, Label.LABEL_OPTIONAL),
            scalar("has_line_numbers", 9, Type.TYPE_BOOL, Label.LABEL_OPTIONAL),
            scalar("has_inline_frames", 10, Type.TYPE_BOOL, Label.LABEL_OPTIONAL)))
        .addMessageType(message("Location",
            scalar("id", 1, Type.TYPE_UINT64, Label.LABEL_OPTIONAL),
            scalar("mapping_id", 2, Type.TYPE_UINT64, Label.LABEL_OPTIONAL),
            scalar("address", 3, Type.TYPE_UINT64, Label.LABEL_OPTIONAL),
            repeated("line", 4, "Line"),
            scalar("is_folded", 5, Type.TYPE_BOOL, Label.LABEL_OPTIONAL)))
        .addMessageType(message("Line",
            scalar("function_id", 1, Type.TYPE_UINT64, Label.LABEL_OPTIONAL),
            scalar("line", 2, Type.TYPE_INT64, Label.LABEL_OPTIONAL)))
        .addMessageType(message("Function",
            scalar("id", 1, Type.TYPE_UINT64, Label.LABEL_OPTIONAL),
            scalar("name", 2, Type.TYPE_INT64, Label.LABEL_OPTIONAL),
            scalar("system_name", 3, Type.TYPE_INT64, Label.LABEL_OPTIONAL),
            scalar("filename", 4, Type.TYPE_INT64, Label.LABEL_OPTIONAL),
            scalar("start_line", 5, Type.TYPE_INT64, Label.LABEL_OPTIONAL)))
        .build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("Profile");
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("profile.proto as declared here is invalid", e);
    }
  }

  private static DescriptorProto message(String name, FieldDescriptorProto... fields) {
    return DescriptorProto.newBuilder().setName(name).addAllField(List.of(fields)).build();
  }

  private static FieldDescriptorProto scalar(String name, int number, Type type, Label label) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type).setLabel(label).build();
  }

  private static FieldDescriptorProto repeated(String name, int number, String messageType) {
    return messageField(name, number, messageType, Label.LABEL_REPEATED);
  }

  private static FieldDescriptorProto single(String name, int number, String messageType) {
    return messageField(name, number, messageType, Label.LABEL_OPTIONAL);
  }

  private static FieldDescriptorProto messageField(String name, int number, String messageType, Label label) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(Type.TYPE_MESSAGE)
        .setLabel(label).setTypeName("." + PACKAGE + "." + messageType).build();
  }
}
