package io.guardstream.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A schema registry call failed. Carries the registry's own HTTP status, error code and message
 * when it answered. Extends Kafka's {@link SerializationException} so that failures inside the
 * serde reach Kafka's and Kafka Streams' serialization error handling like any other serde error.
 */
public class SchemaRegistryException extends SerializationException {
  private static final long serialVersionUID = 1L;

  /** Value of {@link #httpStatus()} and {@link #errorCode()} when the registry gave none. */
  public static final int NONE = -1;

  private final int httpStatus;
  private final int errorCode;
  private final String registryMessage;

  public SchemaRegistryException(String message, int httpStatus, int errorCode, String registryMessage) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.registryMessage = registryMessage;
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = NONE;
    this.errorCode = NONE;
    this.registryMessage = null;
  }

  /** HTTP status of the registry's answer, or {@link #NONE} when there was no answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The registry's {@code error_code} (e.g. 40403), or {@link #NONE}. */
  public int errorCode() {
    return errorCode;
  }

  /** The registry's own {@code message}, or null when it gave none. */
  public String registryMessage() {
    return registryMessage;
  }

  /**
   * True when the same call may succeed later (registry down, overloaded, timed out). A handler
   * that routes bad records to a dead-letter topic must not do so for retriable failures: the
   * record is fine, the registry is not.
   */
  public boolean isRetriable() {
    return false;
  }
}
