package io.guardstream.sdk;

import io.guardstream.guard.Kind;
import io.guardstream.sdk.pipeline.CapturedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One event of an {@link Interaction} being described; {@link #record()} hands it to the SDK.
 * Optional details are set fluently:
 *
 * <pre>{@code
 * turn.response(answer).usage(812, 64).latency(Duration.ofMillis(930)).record();
 * }</pre>
 *
 * <p>Not thread-safe (one builder per event); cheap: {@link #record()} copies references and
 * queues them, without serialising or any I/O.
 */
public final class EventBuilder {
  private final GuardstreamClient client;
  private final Interaction interaction;
  private final Kind kind;
  private String content;
  private String toolName;
  private String toolCallId;
  private String toolArguments;
  private List<RetrievedDoc> documents = List.of();
  private Map<String, String> attributes;
  private String provider;
  private String requestModel;
  private String responseModel;
  private Long inputTokens;
  private Long outputTokens;
  private Long latencyMs;
  private long eventTimeMillis;

  EventBuilder(GuardstreamClient client, Interaction interaction, Kind kind) {
    this.client = client;
    this.interaction = interaction;
    this.kind = kind;
    this.provider = interaction.provider();
    this.requestModel = interaction.requestModel();
    this.eventTimeMillis = System.currentTimeMillis();
  }

  EventBuilder tool(String name, String arguments) {
    this.toolName = name;
    this.toolArguments = arguments;
    return this;
  }

  /** The text the event carries (prompt, response, tool result or retrieved text). */
  public EventBuilder content(String text) {
    this.content = text;
    return this;
  }

  /** The tool call id (gen_ai.tool.call.id), linking a tool result to its call. */
  public EventBuilder callId(String callId) {
    this.toolCallId = callId;
    return this;
  }

  /** Documents handed to the model. */
  public EventBuilder documents(List<RetrievedDoc> docs) {
    this.documents = docs == null ? List.of() : List.copyOf(docs);
    return this;
  }

  /** Token usage reported by the provider (gen_ai.usage.input_tokens / output_tokens). */
  public EventBuilder usage(long inputTokens, long outputTokens) {
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
    return this;
  }

  /** Input token count alone, when the provider reports only that. */
  public EventBuilder inputTokens(long tokens) {
    this.inputTokens = tokens;
    return this;
  }

  /** Output token count alone, when the provider reports only that. */
  public EventBuilder outputTokens(long tokens) {
    this.outputTokens = tokens;
    return this;
  }

  /** Duration of the model or tool call. */
  public EventBuilder latency(Duration latency) {
    this.latencyMs = latency.toMillis();
    return this;
  }

  /** Duration of the model or tool call in milliseconds. */
  public EventBuilder latencyMs(long millis) {
    this.latencyMs = millis;
    return this;
  }

  /** The model provider (gen_ai.provider.name), overriding the interaction's. */
  public EventBuilder provider(String provider) {
    this.provider = provider;
    return this;
  }

  /** The model asked for (gen_ai.request.model), overriding the interaction's. */
  public EventBuilder requestModel(String model) {
    this.requestModel = model;
    return this;
  }

  /** The model that answered (gen_ai.response.model). */
  public EventBuilder responseModel(String model) {
    this.responseModel = model;
    return this;
  }

  /** A free-form attribute; null values are ignored. */
  public EventBuilder attribute(String key, String value) {
    if (key != null && value != null) {
      if (attributes == null) {
        attributes = new HashMap<>();
      }
      attributes.put(key, value);
    }
    return this;
  }

  /** Free-form attributes; null keys or values are ignored. */
  public EventBuilder attributes(Map<String, String> values) {
    if (values != null) {
      values.forEach(this::attribute);
    }
    return this;
  }

  /** When the step happened (default: when the builder was created). */
  public EventBuilder at(Instant time) {
    this.eventTimeMillis = time.toEpochMilli();
    return this;
  }

  /**
   * Hands the event to the SDK. Never blocks, never throws for transport problems; each call
   * records one event.
   */
  public void record() {
    UserContext user = interaction.user();
    client.submit(new CapturedEvent(kind, interaction.id(), user.conversationId(), user.sessionId(), eventTimeMillis,
        user.tenant(), user.userId(), user.roles(), user.clientIp(), provider, requestModel, responseModel, content,
        inputTokens, outputTokens, latencyMs, toolName, toolCallId, toolArguments, documents,
        attributes == null ? Map.of() : Map.copyOf(attributes)));
  }
}
