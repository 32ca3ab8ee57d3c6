package io.guardstream.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A client of the Confluent schema registry REST API (Confluent, Redpanda, Karapace, Apicurio's
 * ccompat API), for Avro schemas. Schema ids are cached both ways, in bounded caches: once a
 * schema's id is known under a subject, or an id's schema, the registry is not asked again.
 *
 * <p>Thread-safe; one instance can serve many serializers and deserializers.
 */
public final class SchemaRegistryClient {
  private static final int SUBJECT_NOT_FOUND = 40401;
  private static final int SCHEMA_NOT_FOUND = 40403;

  private record SubjectSchema(String subject, Schema schema) {}

  private final RegistryTransport transport;
  private final List<URI> urls;
  private final LruCache<SubjectSchema, Integer> idsBySubjectSchema;
  private final LruCache<Integer, Schema> schemasById;

  public SchemaRegistryClient(RegistryClientConfig config) {
    this.transport = new RegistryTransport(config);
    this.urls = config.urls();
    this.idsBySubjectSchema = new LruCache<>(config.cacheCapacity());
    this.schemasById = new LruCache<>(config.cacheCapacity());
  }

  /** A client from Kafka-style settings (see {@link RegistryClientConfig}). */
  public static SchemaRegistryClient create(Map<String, ?> configs) {
    return new SchemaRegistryClient(RegistryClientConfig.from(configs));
  }

  /** The registry base URLs this client talks to, without credentials. */
  public List<URI> urls() {
    return urls;
  }

  /**
   * Registers {@code schema} under {@code subject} (a no-op on the registry when it is already
   * there) and returns its id.
   *
   * @throws IncompatibleSchemaException when the subject's compatibility rule refuses it
   */
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    RegistryTransport.Response response = transport.post(subjectPath(subject) + "/versions", schemaBody(schema));
    if (response.status() == 409) {
      throw new IncompatibleSchemaException(describe("registering schema " + schema.getFullName() + " under subject '"
          + subject + "' was refused as incompatible", response), subject, response.status(), response.errorCode(),
          response.message());
    }
    requireOk("registering schema " + schema.getFullName() + " under subject '" + subject + "'", response);
    int id = requiredInt(response, "id");
    remember(key, id);
    return id;
  }

  /**
   * The id of {@code schema}, which must already be registered under {@code subject}.
   *
   * @throws SchemaNotRegisteredException when it is not
   */
  public int lookupId(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    RegistryTransport.Response response = transport.post(subjectPath(subject), schemaBody(schema));
    if (response.status() == 404) {
      throw new SchemaNotRegisteredException(describe("schema " + schema.getFullName()
          + " is not registered under subject '" + subject + "'", response), subject, response.status(),
          response.errorCode(), response.message());
    }
    requireOk("looking up schema " + schema.getFullName() + " under subject '" + subject + "'", response);
    int id = requiredInt(response, "id");
    remember(key, id);
    return id;
  }

  /**
   * The schema with this registry-wide id.
   *
   * @throws UnknownSchemaIdException when the registry has no such id
   */
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    RegistryTransport.Response response = transport.get("/schemas/ids/" + id);
    if (response.status() == 404 && (response.errorCode() == SCHEMA_NOT_FOUND
        || response.errorCode() == SchemaRegistryException.NONE)) {
      throw new UnknownSchemaIdException(describe("schema id " + id + " is unknown to the registry", response), id,
          response.status(), response.errorCode(), response.message());
    }
    requireOk("fetching schema id " + id, response);
    Schema schema = parseAvro(response, "schema id " + id);
    schemasById.put(id, schema);
    return schema;
  }

  /**
   * The newest version of a subject. Always asks the registry.
   *
   * @throws SchemaNotRegisteredException when the subject has no version
   */
  public RegisteredSchema latestVersion(String subject) {
    RegistryTransport.Response response = transport.get(subjectPath(subject) + "/versions/latest");
    if (response.status() == 404) {
      throw new SchemaNotRegisteredException(describe("subject '" + subject + "' has no registered version",
          response), subject, response.status(), response.errorCode(), response.message());
    }
    requireOk("fetching the latest version of subject '" + subject + "'", response);
    Schema schema = parseAvro(response, "latest version of subject '" + subject + "'");
    int id = requiredInt(response, "id");
    remember(new SubjectSchema(subject, schema), id);
    return new RegisteredSchema(subject, requiredInt(response, "version"), id, schema);
  }

  /**
   * Asks the registry whether {@code schema} may be registered as the next version of
   * {@code subject} under its compatibility rule. A subject without versions accepts anything.
   */
  public CompatibilityResult testCompatibility(String subject, Schema schema) {
    RegistryTransport.Response response = transport.post(
        "/compatibility" + subjectPath(subject) + "/versions/latest?verbose=true", schemaBody(schema));
    if (response.status() == 404 && response.errorCode() == SUBJECT_NOT_FOUND) {
      return new CompatibilityResult(true, List.of());
    }
    requireOk("checking compatibility of schema " + schema.getFullName() + " with subject '" + subject + "'",
        response);
    JsonNode verdict = response.body().get("is_compatible");
    if (verdict == null || !verdict.isBoolean()) {
      throw malformed(response, "is_compatible");
    }
    List<String> messages = new ArrayList<>();
    response.body().path("messages").forEach(m -> messages.add(m.asText()));
    return new CompatibilityResult(verdict.booleanValue(), messages);
  }

  /** The compatibility rule of a subject (falling back to the global one), or the global one when subject is null. */
  public CompatibilityLevel compatibility(String subject) {
    String path = subject == null ? "/config" : "/config/" + encode(subject) + "?defaultToGlobal=true";
    RegistryTransport.Response response = transport.get(path);
    requireOk("fetching the compatibility rule of " + scope(subject), response);
    return level(response);
  }

  /** Sets the compatibility rule of a subject, or the global one when subject is null. */
  public void setCompatibility(String subject, CompatibilityLevel level) {
    String path = subject == null ? "/config" : "/config/" + encode(subject);
    ObjectNode body = RegistryTransport.JSON.createObjectNode().put("compatibility", level.name());
    RegistryTransport.Response response = transport.put(path, body);
    requireOk("setting the compatibility rule of " + scope(subject) + " to " + level, response);
  }

  private void remember(SubjectSchema key, int id) {
    idsBySubjectSchema.put(key, id);
    if (schemasById.get(id) == null) {
      schemasById.put(id, key.schema());
    }
  }

  private static CompatibilityLevel level(RegistryTransport.Response response) {
    // Confluent answers compatibilityLevel to GET and compatibility to PUT; accept either.
    JsonNode value = response.body().has("compatibilityLevel")
        ? response.body().get("compatibilityLevel") : response.body().get("compatibility");
    if (value == null || !value.isTextual()) {
      throw malformed(response, "compatibilityLevel");
    }
    try {
      return CompatibilityLevel.valueOf(value.asText());
    } catch (IllegalArgumentException e) {
      throw new SchemaRegistryException("schema registry at " + response.url() + " answered unknown compatibility level '"
          + value.asText() + "'", e);
    }
  }

  private static Schema parseAvro(RegistryTransport.Response response, String what) {
    JsonNode type = response.body().get("schemaType");
    if (type != null && !type.isNull() && !"AVRO".equalsIgnoreCase(type.asText())) {
      throw new SchemaRegistryException(what + " is a " + type.asText() + " schema, not Avro (" + response.url() + ")",
          response.status(), SchemaRegistryException.NONE, null);
    }
    if (response.body().path("references").size() > 0) {
      throw new SchemaRegistryException(what + " uses schema references, which this client does not resolve ("
          + response.url() + ")", response.status(), SchemaRegistryException.NONE, null);
    }
    JsonNode text = response.body().get("schema");
    if (text == null || !text.isTextual()) {
      throw malformed(response, "schema");
    }
    try {
      return new Schema.Parser().parse(text.asText());
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException("schema registry at " + response.url() + " returned an unparseable Avro schema for "
          + what + ": " + e.getMessage(), e);
    }
  }

  private static void requireOk(String what, RegistryTransport.Response response) {
    if (!response.ok()) {
      String hint = response.status() == 401 || response.status() == 403
          ? "; check basic.auth.credentials.source and basic.auth.user.info" : "";
      throw new SchemaRegistryException(describe(what + " failed", response) + hint, response.status(),
          response.errorCode(), response.message());
    }
  }

  private static int requiredInt(RegistryTransport.Response response, String field) {
    JsonNode value = response.body().get(field);
    if (value == null || !value.canConvertToInt()) {
      throw malformed(response, field);
    }
    return value.intValue();
  }

  private static SchemaRegistryException malformed(RegistryTransport.Response response, String field) {
    return new SchemaRegistryException("schema registry at " + response.url() + " answered HTTP " + response.status()
        + " without a valid '" + field + "' field", response.status(), response.errorCode(), response.message());
  }

  /** "what at URL: registry message (HTTP s, error code c)". */
  private static String describe(String what, RegistryTransport.Response response) {
    StringBuilder sb = new StringBuilder(what).append(" at ").append(response.url()).append(": ")
        .append(response.message() != null ? response.message() : "no message from the registry")
        .append(" (HTTP ").append(response.status());
    if (response.errorCode() != SchemaRegistryException.NONE) {
      sb.append(", error code ").append(response.errorCode());
    }
    return sb.append(')').toString();
  }

  private static ObjectNode schemaBody(Schema schema) {
    return RegistryTransport.JSON.createObjectNode().put("schema", schema.toString());
  }

  private static String subjectPath(String subject) {
    return "/subjects/" + encode(subject);
  }

  private static String scope(String subject) {
    return subject == null ? "the registry (global)" : "subject '" + subject + "'";
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
