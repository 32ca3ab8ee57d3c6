package io.guardstream.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Credentials and personal data pasted into prompts, or carried in by tools and retrieval, are
 * redacted like model output: the audit keeps no raw copy. A credential is paged (high), personal
 * data is not.
 */
class InputRedactionTest {

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"PROMPT", "TOOL_RESULT", "RETRIEVAL"})
  void secretsAndPiiInInputsAreRedacted(Kind kind) {
    String key = Fake.githubToken(51);
    String text = "My deploy fails with token " + key + ", mail me at jo.doe@example.org or call"
        + " +44 20 7946 0958. Card 4111 1111 1111 1111.";
    GuardResult r = Fixtures.RULES_ONLY.check(GuardRequest.of(kind, text));
    assertThat(r.redactedContent())
        .doesNotContain(key).doesNotContain("jo.doe@example.org")
        .doesNotContain("7946 0958").doesNotContain("4111 1111 1111 1111")
        .contains("[GITHUB_TOKEN]", "[EMAIL]", "[PHONE_NUMBER]", "[CREDIT_CARD]");
    assertThat(r.findings()).filteredOn(f -> f.category().equals("secret"))
        .singleElement().satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo("secret.in-input");
          assertThat(f.severity()).isEqualTo(Severity.HIGH);
        });
    assertThat(r.findings()).filteredOn(f -> f.category().equals("pii"))
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
    assertThat(r.decision()).isEqualTo(Decision.REDACT);
  }
}
