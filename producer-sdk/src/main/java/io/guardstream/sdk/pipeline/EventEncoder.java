package io.guardstream.sdk.pipeline;

import io.guardstream.guard.GuardEngine;
import io.guardstream.guard.GuardRequest;
import io.guardstream.guard.GuardResult;
import io.guardstream.guard.Kind;
import io.guardstream.sdk.RetrievedDoc;
import io.guardstream.schema.AiEvent;
import io.guardstream.schema.AppInfo;
import io.guardstream.schema.EventKind;
import io.guardstream.schema.RetrievedDocument;
import io.guardstream.schema.SdkInfo;
import io.guardstream.schema.TokenUsage;
import io.guardstream.schema.ToolInvocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a captured event into the AiEvent that leaves the process, applying the privacy settings
 * in this order: content capture per kind, redaction with the guard engine, truncation. Runs on
 * the sender thread only.
 */
public final class EventEncoder {
  /** Attribute set on events whose text the SDK redacted. */
  public static final String REDACTED_ATTRIBUTE = "guardstream.redacted";
  /**
   * Text scanned past the cut, so a secret straddling the maximum length is still recognised and
   * masked before the cut rather than leaking its first half.
   */
  public static final int REDACTION_MARGIN = 512;

  private static final Logger log = LoggerFactory.getLogger(EventEncoder.class);

  /** What the encoder needs from the configuration. */
  public record Settings(String topic, AppInfo app, SdkInfo sdk, Set<Kind> captured, boolean redact, int maxChars) {}

  private final Settings settings;
  private final Supplier<GuardEngine> engine;

  /** An encoder; {@code engine} is asked for the current engine only when redaction is on. */
  public EventEncoder(Settings settings, Supplier<GuardEngine> engine) {
    this.settings = settings;
    this.engine = engine;
  }

  /** The record to send for this event. */
  public Outbound encode(CapturedEvent e) {
    boolean capture = settings.captured().contains(e.kind);
    String content = capture ? e.content : null;
    String arguments = capture ? e.toolArguments : null;
    Map<String, String> attributes = e.attributes;
    if (settings.redact() && (content != null || arguments != null || !attributes.isEmpty())) {
      int scanned = settings.maxChars() + REDACTION_MARGIN;
      content = content == null ? null : cut(content, scanned);
      arguments = arguments == null ? null : cut(arguments, scanned);
      GuardResult redacted = redact(e, content, arguments);
      if (redacted == null) {
        // Redaction was asked for and could not be done: send no text rather than raw text.
        content = null;
        arguments = null;
        attributes = Map.of();
      } else if (changed(content, redacted.redactedContent()) || changed(arguments, redacted.redactedToolArguments())
          || !redacted.redactedAttributes().equals(attributes)) {
        content = redacted.redactedContent();
        arguments = redacted.redactedToolArguments();
        attributes = new HashMap<>(redacted.redactedAttributes());
        attributes.put(REDACTED_ATTRIBUTE, "true");
      }
    }
    boolean truncated = false;
    if (content != null && content.length() > settings.maxChars()) {
      content = cut(content, settings.maxChars());
      truncated = true;
    }
    if (arguments != null && arguments.length() > settings.maxChars()) {
      arguments = cut(arguments, settings.maxChars());
      truncated = true;
    }
    AiEvent event = AiEvent.newBuilder()
        .setEventId(randomId())
        .setInteractionId(e.interactionId)
        .setConversationId(e.conversationId)
        .setSessionId(e.sessionId)
        .setKind(EventKind.valueOf(e.kind.name()))
        .setEventTime(Instant.ofEpochMilli(e.eventTimeMillis))
        .setTenant(e.tenant)
        .setUserId(e.userId)
        .setUserRoles(e.roles)
        .setClientIp(e.clientIp)
        .setApp(settings.app())
        .setProvider(e.provider)
        .setRequestModel(e.requestModel)
        .setResponseModel(e.responseModel)
        .setContent(content)
        .setContentTruncated(truncated)
        .setUsage(e.inputTokens == null && e.outputTokens == null ? null : new TokenUsage(e.inputTokens, e.outputTokens))
        .setLatencyMs(e.latencyMs)
        .setTool(e.toolName == null ? null : new ToolInvocation(e.toolName, e.toolCallId, arguments))
        .setDocuments(documents(e.documents))
        .setAttributes(attributes)
        .setSdk(settings.sdk())
        .build();
    return new Outbound(settings.topic(), e.tenant + ":" + e.userId, event, e.seq);
  }

  private GuardResult redact(CapturedEvent e, String content, String arguments) {
    try {
      return engine.get().check(GuardRequest.builder(e.kind)
          .content(content)
          .tool(e.toolName, arguments)
          .tenant(e.tenant)
          .appName(settings.app().getName())
          .attributes(e.attributes)
          .build());
    } catch (RuntimeException ex) {
      log.error("redaction failed for a {} event; sending it without text: {}", e.kind, ex.toString());
      return null;
    }
  }

  private static boolean changed(String before, String after) {
    return before == null ? after != null : !before.equals(after);
  }

  /** The first {@code max} chars, not splitting a surrogate pair. */
  static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end);
  }

  private static List<RetrievedDocument> documents(List<RetrievedDoc> docs) {
    List<RetrievedDocument> out = new ArrayList<>(docs.size());
    for (RetrievedDoc d : docs) {
      out.add(new RetrievedDocument(d.id(), d.labels(), d.source()));
    }
    return out;
  }

  /** A random (version 4) UUID from a fast, non-blocking generator: ids need uniqueness, not secrecy. */
  public static String randomId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
