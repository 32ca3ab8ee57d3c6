package io.guardstream.sdk.pipeline;

import io.guardstream.guard.Kind;
import io.guardstream.sdk.RetrievedDoc;
import java.util.List;
import java.util.Map;

/**
 * One recorded event as the app handed it over, before privacy rules, encoding and sending. Built
 * on the caller's thread, so it only copies references; everything costly happens on the sender
 * thread.
 */
public final class CapturedEvent {
  /** Fixed per-event overhead in the memory estimate (object headers, references, small strings). */
  private static final int BASE_BYTES = 256;

  final Kind kind;
  final String interactionId;
  final String conversationId;
  final String sessionId;
  final long eventTimeMillis;
  final String tenant;
  final String userId;
  final List<String> roles;
  final String clientIp;
  final String provider;
  final String requestModel;
  final String responseModel;
  final String content;
  final Long inputTokens;
  final Long outputTokens;
  final Long latencyMs;
  final String toolName;
  final String toolCallId;
  final String toolArguments;
  final List<RetrievedDoc> documents;
  final Map<String, String> attributes;
  final int estimatedBytes;
  /** Position in recording order, assigned by the {@link EventBuffer}. */
  long seq;

  /** Captures an event; lists and maps must already be immutable copies. */
  public CapturedEvent(Kind kind, String interactionId, String conversationId, String sessionId, long eventTimeMillis,
      String tenant, String userId, List<String> roles, String clientIp, String provider, String requestModel,
      String responseModel, String content, Long inputTokens, Long outputTokens, Long latencyMs, String toolName,
      String toolCallId, String toolArguments, List<RetrievedDoc> documents, Map<String, String> attributes) {
    this.kind = kind;
    this.interactionId = interactionId;
    this.conversationId = conversationId;
    this.sessionId = sessionId;
    this.eventTimeMillis = eventTimeMillis;
    this.tenant = tenant;
    this.userId = userId;
    this.roles = roles;
    this.clientIp = clientIp;
    this.provider = provider;
    this.requestModel = requestModel;
    this.responseModel = responseModel;
    this.content = content;
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
    this.latencyMs = latencyMs;
    this.toolName = toolName;
    this.toolCallId = toolCallId;
    this.toolArguments = toolArguments;
    this.documents = documents;
    this.attributes = attributes;
    this.estimatedBytes = BASE_BYTES + 2 * (length(content) + length(toolArguments))
        + 64 * (documents.size() + attributes.size());
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }

  /** The event kind. */
  public Kind kind() {
    return kind;
  }

  /** Rough heap size, for the buffer's byte bound. */
  public int estimatedBytes() {
    return estimatedBytes;
  }

  /** Position in recording order. */
  public long seq() {
    return seq;
  }
}
