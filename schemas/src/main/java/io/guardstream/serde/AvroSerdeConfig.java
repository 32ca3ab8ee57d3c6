package io.guardstream.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Serde settings, read with the key names of Confluent's Avro serde. The registry connection
 * settings are {@link io.guardstream.registry.RegistryClientConfig}'s.
 */
public final class AvroSerdeConfig {
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

  private static final ConfigDef DEFINITION = new ConfigDef()
      .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
          "Register a record's schema under its subject on first use; when false the schema must already be registered.")
      .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.LOW,
          "Write records with the subject's latest registered version (converting them to it when their own "
              + "schema differs); requires auto.register.schemas=false.")
      .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
          "Deserialize into generated classes (found by the writer schema's full name) instead of GenericRecord; "
              + "only for a deserializer created without a class.");

  private final boolean autoRegisterSchemas;
  private final boolean useLatestVersion;
  private final boolean specificAvroReader;

  private AvroSerdeConfig(Map<String, Object> parsed) {
    this.autoRegisterSchemas = (Boolean) parsed.get(AUTO_REGISTER_SCHEMAS);
    this.useLatestVersion = (Boolean) parsed.get(USE_LATEST_VERSION);
    this.specificAvroReader = (Boolean) parsed.get(SPECIFIC_AVRO_READER);
  }

  /**
   * Parses and validates serde settings; other keys are ignored.
   *
   * @throws ConfigException naming the offending setting
   */
  public static AvroSerdeConfig from(Map<String, ?> configs) {
    requireTopicNameStrategy(configs, KEY_SUBJECT_NAME_STRATEGY);
    requireTopicNameStrategy(configs, VALUE_SUBJECT_NAME_STRATEGY);
    AvroSerdeConfig config = new AvroSerdeConfig(DEFINITION.parse(configs));
    if (config.useLatestVersion && config.autoRegisterSchemas) {
      throw new ConfigException(USE_LATEST_VERSION + "=true requires " + AUTO_REGISTER_SCHEMAS
          + "=false: a serializer either registers its own schema or writes with the registered latest one");
    }
    return config;
  }

  /** The settings this class reads, with types, defaults and documentation. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  public boolean autoRegisterSchemas() {
    return autoRegisterSchemas;
  }

  public boolean useLatestVersion() {
    return useLatestVersion;
  }

  public boolean specificAvroReader() {
    return specificAvroReader;
  }

  /** Subjects are always topic-key / topic-value; refuse a setting asking for anything else rather than ignore it. */
  private static void requireTopicNameStrategy(Map<String, ?> configs, String key) {
    Object value = configs.get(key);
    if (value == null) {
      return;
    }
    String name = value instanceof Class<?> type ? type.getName() : value.toString().trim();
    if (!name.equals("TopicNameStrategy") && !name.endsWith(".TopicNameStrategy")) {
      throw new ConfigException(key, name, "only TopicNameStrategy (subjects <topic>-key and <topic>-value) is supported");
    }
  }
}
