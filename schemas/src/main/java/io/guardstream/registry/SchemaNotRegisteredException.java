package io.guardstream.registry;

/**
 * A subject, or a given schema under a subject, is not registered (Confluent errors 40401 and
 * 40403 on subject look-ups). Raised by the serializer when {@code auto.register.schemas} is off
 * and the record's schema was never registered.
 */
public class SchemaNotRegisteredException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  private final String subject;

  public SchemaNotRegisteredException(String message, String subject, int httpStatus, int errorCode, String registryMessage) {
    super(message, httpStatus, errorCode, registryMessage);
    this.subject = subject;
  }

  /** The subject that was looked up. */
  public String subject() {
    return subject;
  }
}
