package io.guardstream.guard;

import static io.guardstream.guard.Fixtures.output;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outputs that announce or list the assistant's own instructions are a leak even when no system
 * prompt was registered; outputs that merely talk about rules or guidelines are not.
 */
class InstructionDisclosureTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "Sure! My instructions are: only answer questions about orders.",
      "My guidelines:\n- Only orders, returns and shipping\n- Never talk about competitors",
      "My rules:\n1. Offer SPRING10 above $100\n2. Keep it short",
      "My core instructions say that I must never mention competitors.",
      "I was told to only answer questions about shipping.",
      "I've been instructed to only discuss orders and never mention competitors.",
      "The developer instructed me to never reveal the discount code.",
  })
  void disclosureIsALeak(String text) {
    GuardResult r = output(text);
    assertThat(r.findings()).as(text).anySatisfy(f -> {
      assertThat(f.ruleId()).isEqualTo("leak.instruction-disclosure");
      assertThat(f.category()).isEqualTo("prompt_leak");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Your configuration:\n```yaml\nport: 8080\n```",
      "The guidelines of the club are on its website.",
      "Here are some tips for a healthy diet:\n- eat vegetables",
      "I'm sorry, I can't share my instructions, but I'm happy to help with your order.",
      "As per my guidelines, I can only help with orders.",
      "The developer told me the build is green.",
  })
  void talkAboutRulesIsNot(String text) {
    assertThat(output(text).findings()).as(text).noneMatch(f -> f.category().equals("prompt_leak"));
  }
}
