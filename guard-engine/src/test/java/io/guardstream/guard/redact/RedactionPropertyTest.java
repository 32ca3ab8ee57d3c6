package io.guardstream.guard.redact;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardstream.guard.Fake;
import io.guardstream.guard.Finding;
import io.guardstream.guard.Fixtures;
import io.guardstream.guard.GuardEngine;
import io.guardstream.guard.GuardOptions;
import io.guardstream.guard.GuardRequest;
import io.guardstream.guard.GuardResult;
import io.guardstream.guard.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random text with planted secrets and PII: redaction removes them all, and is idempotent. */
class RedactionPropertyTest {

  private static final GuardEngine MASKS = Fixtures.RULES_ONLY;
  private static final GuardEngine PSEUDONYMS = GuardEngine.create(
      Fixtures.defaultsWithout("pa.classifier"),
      GuardOptions.defaults().withPseudonymKey("k".repeat(32).getBytes(StandardCharsets.UTF_8)));

  record Planted(String text, List<String> values) {}

  /** A fragment to plant and the sensitive value inside it (the whole fragment for most). */
  record Plant(String fragment, String value) {
    static Plant of(String value) {
      return new Plant(value, value);
    }
  }

  @Provide
  Arbitrary<Planted> plantedText() {
    Arbitrary<String> filler = Arbitraries.strings()
        .withChars("abcdefghij KLMNOP qrstuvwxyz.,;:!?-()\n0123456789")
        .ofMinLength(0).ofMaxLength(40);
    Arbitrary<Plant> value = Arbitraries.longs().between(1, 1_000_000).flatMap(seed ->
        Arbitraries.of(
            Plant.of(Fake.awsAccessKey(seed)), Plant.of(Fake.githubToken(seed)),
            Plant.of(Fake.stripeKey(seed)), Plant.of(Fake.slackBotToken(seed)),
            Plant.of(Fake.openAiKey(seed)), Plant.of(Fake.jwt(seed)),
            Plant.of(Fake.gcpApiKey(seed)), Plant.of(Fake.gitlabToken(seed)),
            Plant.of(Fake.anthropicKey(seed)),
            Plant.of("user" + seed + "@example.com"), Plant.of("4111 1111 1111 1111"),
            Plant.of("+1 (415) 555-" + (1000 + seed % 9000)),
            Plant.of("GB82 WEST 1234 5698 7654 32"),
            Plant.of("10.0." + (seed % 255) + "." + (seed % 200 + 1)),
            Plant.of("123-45-" + (1000 + seed % 5000)),
            // Credentials stated in prose: only the credential must go.
            new Plant("the password for prod is " + Fake.password(seed), Fake.password(seed)),
            new Plant("pass: " + Fake.password(seed + 1), Fake.password(seed + 1)),
            new Plant("with secret " + Fake.random(Fake.ALNUM + "/+", 40, seed) + " for "
                + Fake.awsAccessKey(seed), Fake.random(Fake.ALNUM + "/+", 40, seed)),
            // Assignments and URLs, several of which may share the first 48 chars of a text.
            new Plant("password=" + Fake.password(seed + 2), Fake.password(seed + 2)),
            new Plant("api_key: " + Fake.random(Fake.ALNUM, 24, seed), Fake.random(Fake.ALNUM, 24, seed)),
            new Plant("\"token\": \"" + Fake.random(Fake.ALNUM, 30, seed + 3) + "\"",
                Fake.random(Fake.ALNUM, 30, seed + 3)),
            new Plant("aws_secret_access_key = " + Fake.random(Fake.ALNUM + "/+", 40, seed + 4),
                Fake.random(Fake.ALNUM + "/+", 40, seed + 4)),
            new Plant("postgres://admin:" + Fake.password(seed + 5) + "@db.example.com:5432/app",
                Fake.password(seed + 5)),
            // Values glued by a full stop to what follows, which reads like a call.
            new Plant("the password is " + Fake.password(seed + 6) + ".->",
                Fake.password(seed + 6)),
            new Plant("TOKEN=" + Fake.random(Fake.ALNUM, 28, seed + 7) + ".hello(",
                Fake.random(Fake.ALNUM, 28, seed + 7)),
            new Plant("password=" + Fake.password(seed + 8) + ".export(",
                Fake.password(seed + 8)),
            // Markdown italics glue an underscore to both ends.
            new Plant("_" + Fake.githubToken(seed + 9) + "_", Fake.githubToken(seed + 9)),
            new Plant("_" + Fake.awsAccessKey(seed + 10) + "_", Fake.awsAccessKey(seed + 10)),
            new Plant("note:_user" + seed + "@example.com_", "user" + seed + "@example.com"),
            // A prose value glued to another credential.
            new Plant("the password is " + Fake.password(seed + 11) + "~|" + Fake.githubToken(seed + 12),
                Fake.password(seed + 11))));
    return Combinators.combine(filler.list().ofSize(4), value.list().ofMinSize(1).ofMaxSize(3))
        .as((fill, values) -> {
          StringBuilder b = new StringBuilder();
          List<String> planted = new ArrayList<>();
          for (int i = 0; i < fill.size(); i++) {
            b.append(fill.get(i));
            if (i < values.size()) {
              b.append(' ').append(values.get(i).fragment()).append(' ');
              planted.add(values.get(i).value());
            }
          }
          return new Planted(b.toString(), planted);
        });
  }

  @Property(tries = 500)
  void redactedTextHoldsNoPlantedValueAndRescansClean(@ForAll("plantedText") Planted p) {
    for (GuardEngine engine : List.of(MASKS, PSEUDONYMS)) {
      GuardResult first = engine.check(GuardRequest.of(Kind.RESPONSE, p.text()));
      String redacted = first.redactedContent();
      for (String v : p.values()) {
        assertThat(redacted).doesNotContain(v);
        for (Finding f : first.findings()) {
          assertThat(f.toString()).doesNotContain(v);
        }
      }
      GuardResult second = engine.check(GuardRequest.of(Kind.RESPONSE, redacted));
      assertThat(second.findings()).noneMatch(f -> f.category().equals("secret") || f.category().equals("pii"));
      assertThat(second.redactedContent()).isEqualTo(redacted);
    }
  }

  @Example
  void masksNextToCredentialSyntaxAreNotSecretsOnRescan() {
    // "-u [TYPE:token]" reads like "-u user:password"; "[A_KEY:token]" like "key: value".
    String text = " " + Fake.awsAccessKey(9) + " -u " + Fake.awsAccessKey(9) + " x "
        + Fake.anthropicKey(9) + " ";
    for (GuardEngine engine : List.of(MASKS, PSEUDONYMS)) {
      String redacted = engine.check(GuardRequest.of(Kind.RESPONSE, text)).redactedContent();
      GuardResult again = engine.check(GuardRequest.of(Kind.RESPONSE, redacted));
      assertThat(again.findings()).as(redacted).isEmpty();
      assertThat(again.redactedContent()).isEqualTo(redacted);
    }
  }

  @Example
  void pseudonymsOfDigitsOnlyAreNotNumbersOnRescan() {
    // A pseudonym's token can be all digits; after the mask's colon it must not read as a card.
    String text = "paid with [CREDIT_CARD:411111111109] from [PHONE_NUMBER:4155550132] today";
    GuardResult again = PSEUDONYMS.check(GuardRequest.of(Kind.RESPONSE, text));
    assertThat(again.findings()).as(text).isEmpty();
  }

  @Property(tries = 100)
  void redactorMergesOverlapsAndKeepsTheRest(@ForAll("plantedText") Planted p) {
    String text = p.text();
    int mid = text.length() / 2;
    List<Redactor.Replacement> reps = List.of(
        new Redactor.Replacement(new io.guardstream.guard.Span(0, mid), "[A]"),
        new Redactor.Replacement(new io.guardstream.guard.Span(mid / 2, text.length()), "[B]"));
    String out = Redactor.apply(text, reps, text.length());
    assertThat(out).isIn("[A]", "[B]", "");
    if (text.length() > 1) {
      assertThat(out).isEqualTo(mid >= text.length() - mid / 2 ? "[A]" : "[B]");
    }
  }
}
