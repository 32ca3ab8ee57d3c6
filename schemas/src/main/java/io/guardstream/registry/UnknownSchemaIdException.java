package io.guardstream.registry;

/** The registry has no schema with the requested id (Confluent error 40403). */
public class UnknownSchemaIdException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  private final int schemaId;

  public UnknownSchemaIdException(String message, int schemaId, int httpStatus, int errorCode, String registryMessage) {
    super(message, httpStatus, errorCode, registryMessage);
    this.schemaId = schemaId;
  }

  /** The id that was asked for. */
  public int schemaId() {
    return schemaId;
  }
}
