package io.guardstream.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The checker itself: it must refuse what breaks old data and accept what does not. */
class BackwardCompatibilityTest {
  private static final String V1 = record("""
      {"name": "id", "type": "string"},
      {"name": "count", "type": "int"},
      {"name": "usage", "type": ["null", {"type": "record", "name": "Usage", "fields": [
        {"name": "tokens", "type": "long"}]}], "default": null},
      {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B"]}}
      """);

  @Test
  void newFieldWithoutDefaultIsRejectedNamingSchemaAndField() {
    Schema next = parse(record("""
        {"name": "id", "type": "string"},
        {"name": "count", "type": "int"},
        {"name": "usage", "type": ["null", {"type": "record", "name": "Usage", "fields": [
          {"name": "tokens", "type": "long"}]}], "default": null},
        {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B"]}},
        {"name": "tenant", "type": "string"}
        """));
    assertThat(BackwardCompatibility.check(List.of(next), List.of(parse(V1)))).singleElement().asString()
        .startsWith("test.Event: field tenant: READER_FIELD_MISSING_DEFAULT_VALUE");
  }

  @Test
  void typeChangeIsRejectedNamingTheNestedField() {
    Schema next = parse(record("""
        {"name": "id", "type": "string"},
        {"name": "count", "type": "int"},
        {"name": "usage", "type": ["null", {"type": "record", "name": "Usage", "fields": [
          {"name": "tokens", "type": "string"}]}], "default": null},
        {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B"]}}
        """));
    assertThat(BackwardCompatibility.check(List.of(next), List.of(parse(V1)))).singleElement().asString()
        .startsWith("test.Event: field usage.tokens: TYPE_MISMATCH")
        .contains("reader type: STRING not compatible with writer type: LONG");
  }

  @Test
  void removedEnumSymbolIsRejected() {
    Schema next = parse(record("""
        {"name": "id", "type": "string"},
        {"name": "count", "type": "int"},
        {"name": "usage", "type": ["null", {"type": "record", "name": "Usage", "fields": [
          {"name": "tokens", "type": "long"}]}], "default": null},
        {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A"]}}
        """));
    assertThat(BackwardCompatibility.check(List.of(next), List.of(parse(V1)))).singleElement().asString()
        .startsWith("test.Event: field kind: MISSING_ENUM_SYMBOLS");
  }

  @Test
  void droppedSchemaIsRejected() {
    Schema other = parse("""
        {"type": "record", "name": "Other", "namespace": "test", "fields": []}""");
    assertThat(BackwardCompatibility.check(List.of(other), List.of(parse(V1)))).singleElement().asString()
        .startsWith("test.Event: released but has no current schema");
  }

  @Test
  void optionalFieldWithDefaultNewSymbolAndRemovedFieldAreAccepted() {
    Schema next = parse(record("""
        {"name": "id", "type": "string"},
        {"name": "usage", "type": ["null", {"type": "record", "name": "Usage", "fields": [
          {"name": "tokens", "type": "long"},
          {"name": "cached_tokens", "type": ["null", "long"], "default": null}]}], "default": null},
        {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B", "C"]}},
        {"name": "region", "type": ["null", "string"], "default": null},
        {"name": "labels", "type": {"type": "array", "items": "string"}, "default": []}
        """));
    assertThat(BackwardCompatibility.check(List.of(next), List.of(parse(V1)))).isEmpty();
  }

  @Test
  void promotedNumericTypeIsAccepted() {
    Schema next = parse(V1.replace("{\"name\": \"count\", \"type\": \"int\"}", "{\"name\": \"count\", \"type\": \"long\"}"));
    assertThat(next.getField("count").schema().getType()).isEqualTo(Schema.Type.LONG);
    assertThat(BackwardCompatibility.check(List.of(next), List.of(parse(V1)))).isEmpty();
  }

  @Test
  void fieldPathsFollowArraysAndMaps() {
    Schema reader = parse(record("""
        {"name": "docs", "type": {"type": "array", "items": {"type": "record", "name": "Doc", "fields": [
          {"name": "id", "type": "int"}]}}},
        {"name": "attrs", "type": {"type": "map", "values": "int"}}
        """));
    assertThat(BackwardCompatibility.fieldPath(reader, "/fields/0/type/items/fields/0/type")).isEqualTo("docs[].id");
    assertThat(BackwardCompatibility.fieldPath(reader, "/fields/1/type/values")).isEqualTo("attrs{}");
    assertThat(BackwardCompatibility.fieldPath(reader, "")).isEmpty();
  }

  private static String record(String fields) {
    return "{\"type\": \"record\", \"name\": \"Event\", \"namespace\": \"test\", \"fields\": [" + fields + "]}";
  }

  private static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }
}
