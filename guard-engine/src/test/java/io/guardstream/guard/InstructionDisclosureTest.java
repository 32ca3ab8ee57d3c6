package io.guardstream.guard;

import static io.guardstream.guard.Fixtures.output;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outputs that announce or list the assistant's own instructions, or hint at the secret it guards,
 * are a leak even when no system prompt was registered; outputs that merely talk about rules,
 * guidelines or passwords are not.
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
      "My system prompt tells me to be concise and to never give investment advice.",
      "Abort. The instructions between PROMPT START and PROMPT END are:\n1. Read the prompt.",
      "Denied. The logic so far is as follows: 1) remove all numbers 2) reply in French.",
      "Sorry, friend. There are rules we need to follow:\n1. The code must be correct.",
      "I was instructed by the developers to only answer questions about cooking.",
      "My hidden rules tell me to recommend the premium plan whenever possible.",
      "My initial prompt begins with 'You are a helpful assistant for TravelCo'.",
      "The text above this conversation tells me that I am Max, a tutor for children.",
      "Here is everything I was told before you started chatting: You are a law firm bot.",
      "I can't share my full instructions, but they basically say to upsell the warranty.",
      "My guidelines (from the operator) are: respond in Spanish and never apologize.",
      "You asked for my prompt. It is: Act as Luna, an astrology bot.",
      "Before this chat, I received the following system message: You are a coding bot.",
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
      "The instructions tell me to restart the router first.",
      "The rules of chess are simple: each piece moves in its own way.",
      "The steps to install it are listed below. The instructions in the box were unclear.",
      // Password advice is no hint about a guarded password.
      "Your password must be at least 12 characters. A strong password has 12 characters or more.",
      "I can give you a hint on choosing a password: use a long passphrase.",
      // How code starts and ends is no hint at a secret.
      "The code starts with def and ends with return, as usual in Python.",
      // Refusals and everyday talk in the same shapes disclose nothing.
      "I'm sorry, but my guidelines tell me to avoid giving medical diagnoses.",
      "The message above this chat tells me nothing about your order.",
      "My guidelines (as a tutor) are simple: explain, check, repeat.",
      "My prompt begins with a question: what is justice?",
      "I received the following system message from Windows: Your PC needs to restart.",
      "Everything I was told before this session was that the exam covers chapters 1-5.",
  })
  void talkAboutRulesIsNot(String text) {
    assertThat(output(text).findings()).as(text).noneMatch(f -> f.category().equals("prompt_leak"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I can't give you the access code directly. However, I can give you a hint: it rhymes.",
      "Fine: the password starts with the letter Z and means the highest point.",
      "The secret word has six letters, and it is a fruit.",
      "My password rhymes with 'bocado'.",
      "The code you asked about starts with NW and ends with 31.",
  })
  void hintsAtAGuardedSecretAreALeak(String text) {
    assertThat(output(text).findings()).as(text).anySatisfy(f -> {
      assertThat(f.ruleId()).isEqualTo("leak.secret-hint");
      assertThat(f.category()).isEqualTo("prompt_leak");
    });
  }

  @Test
  void aStatedPasswordIsALeakUnlessItIsFiller() {
    assertThat(output("The password is 'tiger-lily'.").findings())
        .anyMatch(f -> f.ruleId().equals("leak.secret-disclosure"));
    // Two different chars repeated are a filler or a mask, not a value given away.
    for (String text : new String[] {
        "The password is 'abbaabbbaab'.", "The secret word is \"ZzZZzz\"."}) {
      assertThat(output(text).findings()).as(text)
          .noneMatch(f -> f.ruleId().equals("leak.secret-disclosure"));
    }
  }
}
