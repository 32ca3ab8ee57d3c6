package io.guardstream.app.topology;

import io.guardstream.schema.AiEvent;

/** Result of decoding one raw ai.events record: a valid event, or a record for the DLQ. */
sealed interface Decoded {
  record Valid(AiEvent event) implements Decoded {}

  record Invalid(byte[] rawKey, byte[] rawValue, DlqReason reason, String error) implements Decoded {}
}
