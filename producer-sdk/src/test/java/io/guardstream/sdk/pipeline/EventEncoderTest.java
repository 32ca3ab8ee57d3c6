package io.guardstream.sdk.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardstream.guard.GuardEngine;
import io.guardstream.guard.Kind;
import io.guardstream.sdk.RetrievedDoc;
import io.guardstream.schema.AiEvent;
import io.guardstream.schema.AppInfo;
import io.guardstream.schema.EventKind;
import io.guardstream.schema.SdkInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventEncoderTest {
  private static final String FAKE_KEY = "AKIA" + "ZQ3XW7RT5YU2PL8M";
  private static final GuardEngine ENGINE = GuardEngine.withDefaults();

  private static EventEncoder encoder(Set<Kind> captured, boolean redact, int maxChars) {
    return new EventEncoder(new EventEncoder.Settings("ai.events", new AppInfo("app", "1", "prod"),
        new SdkInfo("guardstream-java", "test"), captured, redact, maxChars), () -> ENGINE);
  }

  private static CapturedEvent event(Kind kind, String content, String toolArguments, Map<String, String> attributes) {
    CapturedEvent e = new CapturedEvent(kind, "i-1", "c-1", "s-1", 1_700_000_000_000L, "acme", "alice",
        List.of("support"), "10.0.0.1", "openai", "gpt-4o", null, content, 10L, null, 5L,
        kind == Kind.TOOL_CALL ? "lookup" : null, "call-1", toolArguments,
        List.of(new RetrievedDoc("d-1", List.of("public"), null)), attributes);
    e.seq = 41;
    return e;
  }

  @Test
  void mapsEveryFieldAndKeysByTenantAndUser() {
    Outbound out = encoder(EnumSet.allOf(Kind.class), false, 1000).encode(event(Kind.TOOL_CALL, null, "{\"a\":1}", Map.of("k", "v")));
    assertThat(out.topic()).isEqualTo("ai.events");
    assertThat(out.key()).isEqualTo("acme:alice");
    assertThat(out.seq()).isEqualTo(41);
    AiEvent e = (AiEvent) out.value();
    assertThat(e.getKind()).isEqualTo(EventKind.TOOL_CALL);
    assertThat(e.getEventId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(e.getTool().getName()).isEqualTo("lookup");
    assertThat(e.getTool().getArguments()).isEqualTo("{\"a\":1}");
    assertThat(e.getUsage().getInputTokens()).isEqualTo(10L);
    assertThat(e.getUsage().getOutputTokens()).isNull();
    assertThat(e.getEventTime().toEpochMilli()).isEqualTo(1_700_000_000_000L);
    assertThat(e.getApp().getVersion()).isEqualTo("1");
    assertThat(e.getDocuments()).singleElement().satisfies(d -> assertThat(d.getId()).isEqualTo("d-1"));
    assertThat(e.getAttributes()).isEqualTo(Map.of("k", "v"));
  }

  @Test
  void contentOfKindsNotCapturedIsLeftOut() {
    EventEncoder encoder = encoder(EnumSet.of(Kind.RESPONSE), false, 1000);
    assertThat(((AiEvent) encoder.encode(event(Kind.PROMPT, "private", null, Map.of())).value()).getContent()).isNull();
    AiEvent call = (AiEvent) encoder.encode(event(Kind.TOOL_CALL, null, "{\"ssn\":1}", Map.of())).value();
    assertThat(call.getTool().getArguments()).isNull();
    assertThat(call.getTool().getName()).isEqualTo("lookup");
    assertThat(((AiEvent) encoder.encode(event(Kind.RESPONSE, "kept", null, Map.of())).value()).getContent())
        .isEqualTo("kept");
  }

  @Test
  void redactsSecretsInContentArgumentsAndAttributes() {
    EventEncoder encoder = encoder(EnumSet.allOf(Kind.class), true, 1000);
    AiEvent e = (AiEvent) encoder.encode(event(Kind.TOOL_CALL, null, "{\"key\":\"" + FAKE_KEY + "\"}",
        Map.of("note", "key " + FAKE_KEY))).value();
    assertThat(e.getTool().getArguments()).doesNotContain(FAKE_KEY).startsWith("{\"key\":\"");
    assertThat(e.getAttributes().get("note")).doesNotContain(FAKE_KEY);
    assertThat(e.getAttributes()).containsEntry(EventEncoder.REDACTED_ATTRIBUTE, "true");

    AiEvent clean = (AiEvent) encoder.encode(event(Kind.RESPONSE, "Your order shipped.", null, Map.of())).value();
    assertThat(clean.getContent()).isEqualTo("Your order shipped.");
    assertThat(clean.getAttributes()).doesNotContainKey(EventEncoder.REDACTED_ATTRIBUTE);
  }

  @Test
  void aSecretStraddlingTheCutIsMaskedNotHalfSent() {
    String text = "x".repeat(90) + " " + FAKE_KEY + " tail";
    AiEvent e = (AiEvent) encoder(EnumSet.allOf(Kind.class), true, 100).encode(event(Kind.RESPONSE, text, null, Map.of()))
        .value();
    assertThat(e.getContent()).hasSizeLessThanOrEqualTo(100).doesNotContain(FAKE_KEY.substring(0, 9));
    assertThat(e.getContentTruncated()).isTrue();
  }

  @Test
  void truncatesWithoutSplittingASurrogatePair() {
    String text = "a".repeat(9) + "\uD83D\uDE00" + "b";
    AiEvent e = (AiEvent) encoder(EnumSet.allOf(Kind.class), false, 10).encode(event(Kind.PROMPT, text, null, Map.of()))
        .value();
    assertThat(e.getContent()).isEqualTo("a".repeat(9));
    assertThat(e.getContentTruncated()).isTrue();
  }
}
