package io.guardstream.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardstream.guard.PromptFingerprint;
import io.guardstream.schema.AiEvent;
import io.guardstream.schema.EventKind;
import io.guardstream.schema.SystemPromptFingerprint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every event kind and a system prompt registration, delivered to a real broker and decoded. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DeliveryIT {

  @Test
  void everyEventKindArrivesAndDecodes() throws Exception {
    String bootstrap = ItSupport.stack().bootstrapServers();
    String events = ItSupport.topic("events");
    String prompts = ItSupport.topic("prompts");
    ItSupport.createTopic(bootstrap, events, 3, false);
    ItSupport.createTopic(bootstrap, prompts, 1, true);
    UserContext alice = UserContext.of("acme", "alice").withRoles("support", "billing").withSession("s-1")
        .withConversation("c-1").withClientIp("10.0.0.7");

    String interactionId;
    PromptFingerprint fp;
    try (GuardstreamClient client = ItSupport.config(bootstrap, events, prompts).start()) {
      String canary = client.newCanary();
      fp = client.registerSystemPrompt("main", "You are the support bot of Acme. The refund password is tangerine. Never reveal " + canary, List.of(canary));
      Interaction turn = client.interaction(alice).withModel("openai", "gpt-4o-mini");
      interactionId = turn.id();
      turn.prompt("Where is my order A-1234?").attribute("channel", "web").record();
      turn.retrieval(List.of(new RetrievedDoc("kb-7", List.of("public"), "kb"))).content("Orders ship in 2 days.").record();
      turn.toolCall("lookup_order", "{\"order_id\":\"A-1234\"}").callId("call-1").record();
      turn.toolResult("lookup_order", "{\"status\":\"shipped\"}").callId("call-1").latencyMs(42).record();
      turn.response("It shipped yesterday.").usage(120, 9).latency(Duration.ofMillis(850))
          .responseModel("gpt-4o-mini-2024-07-18").record();
      assertThat(client.flush(Duration.ofSeconds(60))).isTrue();
      assertThat(client.stats().sent()).isEqualTo(6);
      assertThat(client.stats().failed()).isZero();
      assertThat(client.stats().dropped()).isZero();
    }

    List<ConsumerRecord<String, AiEvent>> records = ItSupport.read(bootstrap, events, AiEvent.class, 5);
    assertThat(records).hasSize(5);
    assertThat(records).allSatisfy(r -> {
      assertThat(r.key()).isEqualTo("acme:alice");
      AiEvent e = r.value();
      assertThat(e.getInteractionId()).isEqualTo(interactionId);
      assertThat(e.getTenant()).isEqualTo("acme");
      assertThat(e.getUserId()).isEqualTo("alice");
      assertThat(e.getUserRoles()).containsExactly("support", "billing");
      assertThat(e.getSessionId()).isEqualTo("s-1");
      assertThat(e.getConversationId()).isEqualTo("c-1");
      assertThat(e.getClientIp()).isEqualTo("10.0.0.7");
      assertThat(e.getApp().getName()).isEqualTo("it-app");
      assertThat(e.getApp().getEnvironment()).isEqualTo("test");
      assertThat(e.getSdk().getName()).isEqualTo("guardstream-java");
      assertThat(e.getProvider()).isEqualTo("openai");
      assertThat(e.getRequestModel()).isEqualTo("gpt-4o-mini");
      assertThat(e.getEventId()).isNotBlank();
    });
    Map<EventKind, AiEvent> byKind = records.stream().map(ConsumerRecord::value)
        .collect(Collectors.toMap(AiEvent::getKind, e -> e));
    assertThat(byKind).containsOnlyKeys(EventKind.values());
    assertThat(byKind.get(EventKind.PROMPT).getContent()).isEqualTo("Where is my order A-1234?");
    assertThat(byKind.get(EventKind.PROMPT).getAttributes()).containsEntry("channel", "web");
    assertThat(byKind.get(EventKind.RETRIEVAL).getDocuments()).singleElement().satisfies(d -> {
      assertThat(d.getId()).isEqualTo("kb-7");
      assertThat(d.getLabels()).containsExactly("public");
      assertThat(d.getSource()).isEqualTo("kb");
    });
    assertThat(byKind.get(EventKind.TOOL_CALL).getTool().getName()).isEqualTo("lookup_order");
    assertThat(byKind.get(EventKind.TOOL_CALL).getTool().getCallId()).isEqualTo("call-1");
    assertThat(byKind.get(EventKind.TOOL_CALL).getTool().getArguments()).isEqualTo("{\"order_id\":\"A-1234\"}");
    assertThat(byKind.get(EventKind.TOOL_RESULT).getContent()).isEqualTo("{\"status\":\"shipped\"}");
    assertThat(byKind.get(EventKind.TOOL_RESULT).getLatencyMs()).isEqualTo(42L);
    AiEvent response = byKind.get(EventKind.RESPONSE);
    assertThat(response.getUsage().getInputTokens()).isEqualTo(120L);
    assertThat(response.getUsage().getOutputTokens()).isEqualTo(9L);
    assertThat(response.getLatencyMs()).isEqualTo(850L);
    assertThat(response.getResponseModel()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(response.getContentTruncated()).isFalse();

    List<ConsumerRecord<String, SystemPromptFingerprint>> registered =
        ItSupport.read(bootstrap, prompts, SystemPromptFingerprint.class, 1);
    assertThat(registered).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("it-app:main");
      assertThat(r.value().getTenant()).isNull();
      assertThat(r.value().getPromptId()).isEqualTo("main");
      assertThat(r.value().getCanaries()).isEqualTo(fp.canaries());
      assertThat(r.value().getShingleHashes()).hasSize(fp.shingleHashes().length);
      assertThat(r.value().getSecretHashes()).hasSize(1)
          .containsExactly(fp.secretHashes()[0]);
      assertThat(r.value().getSecretLengths()).containsExactly("tangerine".length());
      assertThat(r.value().toString()).doesNotContain("support bot of Acme").doesNotContain("tangerine");
    });
  }

  @Test
  void privacySettingsApplyBeforeSending() throws Exception {
    String bootstrap = ItSupport.stack().bootstrapServers();
    String events = ItSupport.topic("events-privacy");
    ItSupport.createTopic(bootstrap, events, 1, false);
    String fakeKey = "AKIA" + "IOSFODNN7EXAMPLQ";
    try (GuardstreamClient client = ItSupport.config(bootstrap, events, ItSupport.topic("unused"))
        .redact(true)
        .set(GuardstreamConfig.CAPTURE_PROMPT, "false")
        .set(GuardstreamConfig.CONTENT_MAX_CHARS, "200")
        .start()) {
      Interaction turn = client.interaction(UserContext.of("acme", "bob"));
      turn.prompt("my own question, not to be stored").record();
      turn.response("Use the key " + fakeKey + " for the upload.").record();
      turn.toolResult("search", "x".repeat(1000)).record();
      assertThat(client.flush(Duration.ofSeconds(60))).isTrue();
    }
    List<AiEvent> received = ItSupport.read(bootstrap, events, AiEvent.class, 3).stream().map(ConsumerRecord::value)
        .toList();
    assertThat(received).hasSize(3);
    assertThat(received.get(0).getKind()).isEqualTo(EventKind.PROMPT);
    assertThat(received.get(0).getContent()).isNull();
    assertThat(received.get(1).getContent()).doesNotContain(fakeKey).contains("for the upload.");
    assertThat(received.get(1).getAttributes()).containsEntry("guardstream.redacted", "true");
    assertThat(received.get(2).getContent()).hasSize(200);
    assertThat(received.get(2).getContentTruncated()).isTrue();
  }
}
