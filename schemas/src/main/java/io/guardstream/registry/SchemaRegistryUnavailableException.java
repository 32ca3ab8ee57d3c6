package io.guardstream.registry;

/**
 * No registry URL answered usefully: connection refused, timed out, or a 5xx answer. Retriable;
 * the message names every URL tried and what each did.
 */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  public SchemaRegistryUnavailableException(String message, int httpStatus, int errorCode, String registryMessage) {
    super(message, httpStatus, errorCode, registryMessage);
  }

  public SchemaRegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetriable() {
    return true;
  }
}
