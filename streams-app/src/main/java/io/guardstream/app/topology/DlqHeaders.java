package io.guardstream.app.topology;

/** Headers a DLQ record carries besides the original ones. */
public final class DlqHeaders {
  private DlqHeaders() {}

  /** Short machine-readable reason, e.g. undecodable, unknown-schema-id, invalid-event. */
  public static final String REASON = "guardstream.dlq.reason";
  /** Human-readable detail (exception class and message, or the invalid field). */
  public static final String ERROR = "guardstream.dlq.error";
  public static final String SOURCE_TOPIC = "guardstream.dlq.source.topic";
  public static final String SOURCE_PARTITION = "guardstream.dlq.source.partition";
  public static final String SOURCE_OFFSET = "guardstream.dlq.source.offset";
  /** Wall-clock time the record was dead-lettered, epoch millis. */
  public static final String TIME = "guardstream.dlq.time";
}
