package io.guardstream.registry;

/**
 * The registry refused to register a schema because it breaks the subject's compatibility rule
 * (HTTP 409). {@link #registryMessage()} holds the registry's explanation.
 */
public class IncompatibleSchemaException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  private final String subject;

  public IncompatibleSchemaException(String message, String subject, int httpStatus, int errorCode, String registryMessage) {
    super(message, httpStatus, errorCode, registryMessage);
    this.subject = subject;
  }

  /** The subject the schema was refused under. */
  public String subject() {
    return subject;
  }
}
