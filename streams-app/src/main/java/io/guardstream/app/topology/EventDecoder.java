package io.guardstream.app.topology;

import io.guardstream.app.metrics.GuardMetrics;
import io.guardstream.registry.SchemaRegistryUnavailableException;
import io.guardstream.registry.UnknownSchemaIdException;
import io.guardstream.schema.AiEvent;
import io.guardstream.serde.UnknownMagicByteException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decodes raw ai.events records and checks them. Valid events go on keyed by tenant:user; the rest
 * go on as {@link Decoded.Invalid} carrying the original bytes, with reason and source headers
 * added to the original ones. A registry outage is not the event's fault: it is rethrown so the
 * record is retried rather than dead-lettered.
 */
final class EventDecoder implements Processor<byte[], byte[], String, Decoded> {
  private final Deserializer<AiEvent> deserializer;
  private final String topic;
  private final int maxContentChars;
  private final GuardMetrics metrics;
  private ProcessorContext<String, Decoded> context;

  EventDecoder(Deserializer<AiEvent> deserializer, String topic, int maxContentChars, GuardMetrics metrics) {
    this.deserializer = deserializer;
    this.topic = topic;
    this.maxContentChars = maxContentChars;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Decoded> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    if (record.value() == null) {
      reject(record, DlqReason.NULL_VALUE, "record has no value");
      return;
    }
    AiEvent event;
    try {
      event = deserializer.deserialize(topic, record.headers(), record.value());
    } catch (SchemaRegistryUnavailableException e) {
      throw e;
    } catch (UnknownMagicByteException e) {
      reject(record, DlqReason.BAD_MAGIC_BYTE, describe(e));
      return;
    } catch (UnknownSchemaIdException e) {
      reject(record, DlqReason.UNKNOWN_SCHEMA_ID, describe(e));
      return;
    } catch (RuntimeException e) {
      reject(record, DlqReason.UNDECODABLE, describe(e));
      return;
    }
    String problem = EventValidation.problem(event);
    if (problem != null) {
      reject(record, DlqReason.INVALID_EVENT, problem);
      return;
    }
    if (event.getContent() != null && event.getContent().length() > maxContentChars) {
      reject(record, DlqReason.CONTENT_TOO_LARGE,
          "content has " + event.getContent().length() + " chars, limit " + maxContentChars);
      return;
    }
    String key = event.getTenant() + ":" + event.getUserId();
    if (record.key() == null || !key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
      metrics.misroutedEvent();
    }
    context.forward(record.withKey(key).withValue(new Decoded.Valid(event)));
  }

  private void reject(Record<byte[], byte[]> record, DlqReason reason, String error) {
    metrics.dlq(reason.label());
    Headers headers = new RecordHeaders(record.headers().toArray());
    headers.add(DlqHeaders.REASON, bytes(reason.label()));
    headers.add(DlqHeaders.ERROR, bytes(error));
    context.recordMetadata().ifPresent((RecordMetadata m) -> {
      headers.add(DlqHeaders.SOURCE_TOPIC, bytes(m.topic()));
      headers.add(DlqHeaders.SOURCE_PARTITION, bytes(String.valueOf(m.partition())));
      headers.add(DlqHeaders.SOURCE_OFFSET, bytes(String.valueOf(m.offset())));
    });
    headers.add(DlqHeaders.TIME, bytes(String.valueOf(context.currentSystemTimeMs())));
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    context.forward(new Record<String, Decoded>(key,
        new Decoded.Invalid(record.key(), record.value(), reason, error), record.timestamp(), headers));
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
