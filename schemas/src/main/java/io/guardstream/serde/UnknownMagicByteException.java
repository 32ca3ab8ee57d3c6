package io.guardstream.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A payload that is not in the Confluent wire format: shorter than its 5-byte header, or not
 * starting with magic byte 0. Typically a record written by a producer that does not use a schema
 * registry serializer.
 */
public class UnknownMagicByteException extends SerializationException {
  private static final long serialVersionUID = 1L;

  public UnknownMagicByteException(String message) {
    super(message);
  }
}
