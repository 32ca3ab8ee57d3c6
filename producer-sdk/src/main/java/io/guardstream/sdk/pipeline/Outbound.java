package io.guardstream.sdk.pipeline;

import io.guardstream.schema.AiEvent;
import io.guardstream.schema.SystemPromptFingerprint;
import org.apache.avro.specific.SpecificRecord;

/**
 * A record ready to send: topic, key and Avro value (privacy rules already applied).
 *
 * @param topic destination topic
 * @param key record key
 * @param value AiEvent or SystemPromptFingerprint
 * @param seq position in recording order; -1 for records spooled by an earlier process
 */
public record Outbound(String topic, String key, SpecificRecord value, long seq) {

  /**
   * Record timestamp: the event's own time, so the stream's event-time windows and stream time
   * follow when things happened, not when a spooled record was finally sent. Never in the future:
   * brokers refuse timestamps too far ahead, and a skewed app clock must not lose events.
   */
  public Long timestamp() {
    if (value instanceof AiEvent e) {
      return Math.min(e.getEventTime().toEpochMilli(), System.currentTimeMillis());
    }
    if (value instanceof SystemPromptFingerprint f) {
      return f.getRegisteredAt().toEpochMilli();
    }
    return null;
  }
}
