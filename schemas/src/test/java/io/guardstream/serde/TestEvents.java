package io.guardstream.serde;

import io.guardstream.schema.AiEvent;
import io.guardstream.schema.AppInfo;
import io.guardstream.schema.EventKind;
import io.guardstream.schema.RetrievedDocument;
import io.guardstream.schema.TokenUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-written AiEvent fixtures. */
final class TestEvents {
  static final Instant BASE_TIME = Instant.parse("2025-03-01T12:00:00.123Z");

  private TestEvents() {}

  /** Event number {@code i}: a RESPONSE with usage, a document and attributes, all derived from i. */
  static AiEvent event(int i) {
    return AiEvent.newBuilder()
        .setEventId("evt-" + i)
        .setInteractionId("int-" + (i / 2))
        .setConversationId("conv-1")
        .setKind(EventKind.RESPONSE)
        .setEventTime(BASE_TIME.plusMillis(i))
        .setTenant("acme")
        .setUserId("user-" + i)
        .setUserRoles(List.of("analyst"))
        .setApp(AppInfo.newBuilder().setName("support-bot").setVersion("1.2." + i).build())
        .setProvider("openai")
        .setRequestModel("gpt-4o")
        .setContent("The weather today is sunny, answer " + i + " — café ✓")
        .setUsage(TokenUsage.newBuilder().setInputTokens(10L + i).setOutputTokens(20L).build())
        .setLatencyMs(150L + i)
        .setDocuments(List.of(RetrievedDocument.newBuilder().setId("doc-" + i).setLabels(List.of("public")).build()))
        .setAttributes(Map.of("route", "/chat", "n", Integer.toString(i)))
        .build();
  }
}
