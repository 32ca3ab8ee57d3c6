package io.guardstream.guard.detect;

import static io.guardstream.guard.Fixtures.output;
import static org.assertj.core.api.Assertions.assertThat;

import io.guardstream.guard.Fake;
import io.guardstream.guard.Finding;
import io.guardstream.guard.GuardResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Credentials a model discloses in sentences rather than as key = value. */
class ProseSecretsTest {

  private static final String AWS_SECRET = Fake.random(Fake.ALNUM + "/+", 40, 101);
  private static final String PASSWORD = Fake.password(102);
  private static final String HEX = Fake.random(Fake.HEX, 32, 103);
  /** Base64 keys start with '/' or '+' as often as with a letter. */
  private static final String SLASH_SECRET = "/" + Fake.random(Fake.ALNUM + "/+", 39, 108);
  private static final String PLUS_SECRET = "+" + Fake.random(Fake.ALNUM + "/+", 39, 109);

  /** Sentence, the credential in it, and its entity type. */
  static Stream<Arguments> disclosures() {
    return Stream.of(
        Arguments.of("Here is the deployment key: " + Fake.awsAccessKey(104) + " with secret "
            + AWS_SECRET, AWS_SECRET, "AWS_SECRET_KEY"),
        Arguments.of("The secret " + AWS_SECRET + " goes with " + Fake.awsAccessKey(105) + ".",
            AWS_SECRET, "AWS_SECRET_KEY"),
        Arguments.of("Here is the key " + Fake.awsAccessKey(110) + " with secret " + SLASH_SECRET
            + " for the deploy user.", SLASH_SECRET, "AWS_SECRET_KEY"),
        Arguments.of("aws_secret_access_key = " + PLUS_SECRET, PLUS_SECRET, "AWS_SECRET_KEY"),
        Arguments.of("The signing secret is " + PLUS_SECRET, PLUS_SECRET, "GENERIC_SECRET"),
        Arguments.of("The password for the staging database is " + PASSWORD, PASSWORD,
            "GENERIC_SECRET"),
        Arguments.of("The password for the staging database is " + PASSWORD + ".", PASSWORD,
            "GENERIC_SECRET"),
        Arguments.of("login: admin / pass: " + PASSWORD, PASSWORD, "GENERIC_SECRET"),
        // Upper, lower and digits, though its chars repeat (entropy 2.57 bits).
        Arguments.of("the password for prod is I66IyyIoTq!66", "I66IyyIoTq!66", "GENERIC_SECRET"),
        Arguments.of("The secret is stored as " + HEX + " in the vault.", HEX, "GENERIC_SECRET"),
        Arguments.of("Your new temporary password is " + PASSWORD + ", change it after login.",
            PASSWORD, "GENERIC_SECRET"),
        Arguments.of("Credentials: username jsmith, password " + PASSWORD, PASSWORD,
            "GENERIC_SECRET"),
        Arguments.of("**Password:** `" + PASSWORD + "`", PASSWORD, "GENERIC_SECRET"),
        Arguments.of("The API token for the staging cluster has been rotated to " + HEX, HEX,
            "GENERIC_SECRET"),
        Arguments.of("Please use the following password to proceed to installation:\n\n" + HEX,
            HEX, "GENERIC_SECRET"),
        Arguments.of("Sure! To push, use token " + Fake.githubToken(106) + " and run git push.",
            Fake.githubToken(106), "GITHUB_TOKEN"),
        Arguments.of("The API key is sk-" + Fake.random(Fake.ALNUM, 30, 107) + " for now.",
            "sk-" + Fake.random(Fake.ALNUM, 30, 107), "GENERIC_SECRET"));
  }

  @ParameterizedTest
  @ValueSource(strings = {".->{\" next", "~((\u201cmongodb+srv://app:x9Kq2!pLm7@db.example.net/db", ".hello("})
  void aValueGluedToPunctuationIsRedactedWhole(String glue) {
    // Where the value ends is ambiguous: it ends at the last place it still reads as a credential,
    // so the whole credential is masked, at worst with a char of the glue.
    GuardResult r = output("The password is " + PASSWORD + glue);
    assertThat(r.redactedContent()).doesNotContain(PASSWORD).contains("The password is [");
  }

  @ParameterizedTest
  @MethodSource("disclosures")
  void credentialStatedInASentenceIsFoundAndRedacted(String text, String value, String type) {
    GuardResult r = output(text);
    Finding f = r.findings().stream().filter(x -> x.entityType().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError(type + " not found in: " + text));
    assertThat(text.substring(f.span().start(), f.span().end())).isEqualTo(value);
    assertThat(r.redactedContent()).doesNotContain(value).contains("[" + type + "]");
    assertThat(f.toString()).doesNotContain(value);
    GuardResult again = output(r.redactedContent());
    assertThat(again.findings()).noneMatch(x -> x.category().equals("secret"));
    assertThat(again.redactedContent()).isEqualTo(r.redactedContent());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "What if the password is wrong?",
      "How should I rotate database passwords safely?",
      "The password is strong.",
      "The token is expired, please request a new one.",
      "Your password is ********.",
      "Set the password to <password> before deploying.",
      "The password is your-password-here.",
      "The default password is changeme.",
      "The API key is xxxxxxxxxxxxxxxxxxxx.",
      "The password is [REDACTED].",
      "Send it to [EMAIL] and use the password [GENERIC_SECRET].",
      "The password is [GENERIC_SECRET:1a2b3c4d5e6f] now.",
      "The password field must be at least 12 characters long.",
      "Passwords are hashed with bcrypt before being stored.",
      "The secret to good bread is patience.",
      "The key is to keep the dough cold.",
      "I can't share the password, but you can reset it in the settings.",
      "The key is 2048-bit RSA and the token is valid for 3600 seconds.",
      "The token limit is 128000 for this model.",
      "The password is P@ssw0rd in the tutorial, pick your own.",
      "The API key is read from API_KEY at startup.",
      "The public key is ssh-ed25519, the private one stays on your laptop.",
      "The secret is stored in /etc/app/secret.txt on the host.",
      "The password reset link was sent to your inbox.",
      "Use a passphrase like correct-horse-battery-staple instead.",
  })
  void wordsPlaceholdersAndMasksAreNotCredentials(String text) {
    assertThat(output(text).findings()).as(text)
        .noneMatch(f -> f.category().equals("secret"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "for key, value in pairs.items():\n    if key in merged:\n        merged[key] = value",
      "$csv_keys = keys_to_csv($assoc_array);",
      "$new_password = generate_password($password_length);",
      "return {key: dct[key] for key in keys}",
  })
  void codeAroundCredentialWordsIsNotProse(String text) {
    assertThat(output(text).findings()).as(text)
        .noneMatch(f -> f.category().equals("secret"));
  }

  @Test
  void proseValidatorIsAvailableToRuleAuthors() {
    Validators.Validator v = Validators.byName("credential_like");
    assertThat(v).isNotNull();
    for (String word : List.of("strong", "expired", "changeme", "********", "2048-bit")) {
      assertThat(v.valid(word, 0, word.length())).as(word).isFalse();
    }
    assertThat(v.valid(PASSWORD, 0, PASSWORD.length())).isTrue();
    assertThat(v.valid(HEX, 0, HEX.length())).isTrue();
  }
}
