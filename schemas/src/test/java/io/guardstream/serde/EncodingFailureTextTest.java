package io.guardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** Avro's own encoding errors quote the value; the descriptions must not. */
class EncodingFailureTextTest {
  private static final Schema SCHEMA = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":["
      + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"count\",\"type\":\"int\"},"
      + "{\"name\":\"kind\",\"type\":{\"type\":\"enum\",\"name\":\"K\",\"symbols\":[\"A\"]}},"
      + "{\"name\":\"tags\",\"type\":{\"type\":\"map\",\"values\":\"int\"}},"
      + "{\"name\":\"latency\",\"type\":[\"null\",\"long\"],\"default\":null}]}");
  private static final String SECRET = "AKIAIOSFODNN7EXAMPLE";

  @Test
  void wrongTypeNamesTypesAndFieldButNotTheValue() {
    GenericRecord record = valid();
    record.put("count", SECRET);
    Throwable failure = failure(record);
    assertThat(failure.getMessage()).as("Avro's own message").contains(SECRET);
    assertThat(EncodingFailureText.describe(failure)).isEqualTo("value of Java type java.lang.String where Avro type int is expected at R.count");
  }

  @Test
  void nullNamesTheField() {
    GenericRecord record = valid();
    record.put("name", null);
    assertThat(EncodingFailureText.describe(failure(record))).isEqualTo("null value for a non-nullable field at R.name");
  }

  @Test
  void unknownEnumSymbolNamesTheFieldButNotTheSymbol() {
    GenericRecord record = valid();
    record.put("kind", new GenericData.EnumSymbol(SCHEMA.getField("kind").schema(), SECRET));
    Throwable failure = failure(record);
    assertThat(failure.getMessage()).as("Avro's own message").contains(SECRET);
    assertThat(EncodingFailureText.describe(failure)).doesNotContain(SECRET).endsWith("at R.kind");
  }

  @Test
  void mapKeysInThePathAreNotQuoted() {
    GenericRecord record = valid();
    record.put("tags", Map.of(SECRET, SECRET));
    Throwable failure = failure(record);
    assertThat(failure.getMessage()).as("Avro's own message").contains(SECRET);
    assertThat(EncodingFailureText.describe(failure)).doesNotContain(SECRET).startsWith("value of");
  }

  @Test
  void valueOutsideAUnionIsNotQuoted() {
    GenericRecord record = valid();
    record.put("latency", SECRET);
    Throwable failure = failure(record);
    assertThat(failure.getMessage()).as("Avro's own message").contains(SECRET);
    assertThat(EncodingFailureText.describe(failure)).doesNotContain(SECRET).contains("Union");
  }

  private static GenericRecord valid() {
    GenericRecord record = new GenericData.Record(SCHEMA);
    record.put("name", "n");
    record.put("count", 1);
    record.put("kind", new GenericData.EnumSymbol(SCHEMA.getField("kind").schema(), "A"));
    record.put("tags", Map.of());
    return record;
  }

  private static Throwable failure(GenericRecord record) {
    Throwable failure = catchThrowable(() -> {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(new ByteArrayOutputStream(), null);
      new GenericDatumWriter<GenericRecord>(SCHEMA).write(record, encoder);
    });
    assertThat(failure).as("Avro must refuse the record").isNotNull();
    return failure;
  }
}
