package io.guardstream.guard.detect;

import static io.guardstream.guard.Fixtures.has;
import static io.guardstream.guard.Fixtures.hasType;
import static io.guardstream.guard.Fixtures.output;
import static org.assertj.core.api.Assertions.assertThat;

import io.guardstream.guard.Fake;
import io.guardstream.guard.Finding;
import io.guardstream.guard.GuardResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {

  static Stream<Arguments> providerSecrets() {
    return Stream.of(
        Arguments.of("AWS_ACCESS_KEY", "aws_access_key_id = " + Fake.awsAccessKey(1)),
        Arguments.of("AWS_SECRET_KEY", "aws_secret_access_key = " + Fake.random(Fake.ALNUM + "/+", 40, 2)),
        Arguments.of("GITHUB_TOKEN", "token: " + Fake.githubToken(3)),
        Arguments.of("GITLAB_TOKEN", "export GL=" + Fake.gitlabToken(4)),
        Arguments.of("SLACK_TOKEN", "SLACK=" + Fake.slackBotToken(5)),
        Arguments.of("STRIPE_KEY", "stripe.api_key = '" + Fake.stripeKey(6) + "'"),
        Arguments.of("OPENAI_API_KEY", "use " + Fake.openAiKey(7) + " for the call"),
        Arguments.of("ANTHROPIC_API_KEY", "key " + Fake.anthropicKey(8)),
        Arguments.of("GCP_API_KEY", "maps key " + Fake.gcpApiKey(9)),
        Arguments.of("JWT", "Authorization header value: " + Fake.jwt(10)),
        Arguments.of("PRIVATE_KEY", "here it is:\n" + Fake.pemPrivateKey(11) + "\nkeep it safe"),
        Arguments.of("DB_CONNECTION_STRING", "DATABASE_URL=postgres://app:" + Fake.password(12) + "@db.internal:5432/prod"),
        // A user name ending like a non-secret key word ("admin": "min") is still a user name.
        Arguments.of("DB_CONNECTION_STRING", "mongodb+srv://admin:" + Fake.password(17) + "@cluster0.example.net/test"),
        Arguments.of("AZURE_STORAGE_KEY", "DefaultEndpointsProtocol=https;AccountName=x;AccountKey="
            + Fake.random(Fake.ALNUM + "+/", 86, 13) + "==;EndpointSuffix=core.windows.net"),
        Arguments.of("GENERIC_SECRET", "db_password = \"" + Fake.password(14) + "\""),
        Arguments.of("GENERIC_SECRET", "api_key: " + Fake.random(Fake.HEX, 32, 15)),
        Arguments.of("HTTP_AUTH_HEADER", "curl -H 'Authorization: Bearer " + Fake.random(Fake.ALNUM, 40, 16) + "'"),
        // A Docker config's registry login: base64 of "user:password".
        Arguments.of("HTTP_AUTH_HEADER", "{\"auths\": {\"ghcr.io\": {\"auth\": \""
            + java.util.Base64.getEncoder().encodeToString(("octocat:" + Fake.password(21))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"}}}"),
        Arguments.of("TELEGRAM_BOT_TOKEN", "curl https://api.telegram.org/bot" + Fake.random("0123456789", 10, 18)
            + ":AA" + Fake.random(Fake.ALNUM, 33, 19) + "/sendMessage"),
        Arguments.of("SUPABASE_TOKEN", "SUPABASE_ACCESS_TOKEN=sbp_" + Fake.random(Fake.HEX, 40, 20)),
        // A Discord bot token has no fixed prefix: found near the bot's login call.
        Arguments.of("DISCORD_BOT_TOKEN", "client.login(\"MT" + Fake.random(Fake.ALNUM, 24, 22) + "."
            + Fake.random(Fake.ALNUM, 6, 23) + "." + Fake.random(Fake.ALNUM + "_-", 38, 24) + "\");"),
        // Provider prefixes need no key name: bare tokens in a sentence.
        Arguments.of("AI_API_KEY", "Use sk-or-v1-" + Fake.random(Fake.HEX, 64, 70) + " for OpenRouter."),
        Arguments.of("AI_API_KEY", "Pinecone: pcsk_" + Fake.random(Fake.ALNUM, 5, 71) + "_"
            + Fake.random(Fake.ALNUM, 60, 72) + " - keep it safe."),
        Arguments.of("AI_API_KEY", "Langfuse secret sk-lf-" + Fake.random(Fake.HEX, 8, 73) + "-"
            + Fake.random(Fake.HEX, 4, 74) + "-" + Fake.random(Fake.HEX, 4, 75) + "-"
            + Fake.random(Fake.HEX, 4, 76) + "-" + Fake.random(Fake.HEX, 12, 77)),
        Arguments.of("AI_API_KEY", "Call it with sk-helicone-" + Fake.random(Fake.ALNUM, 7, 78) + "-"
            + Fake.random(Fake.ALNUM, 7, 79) + "-" + Fake.random(Fake.ALNUM, 7, 80) + "-"
            + Fake.random(Fake.ALNUM, 7, 81)),
        // An SDK client built with its key as the first argument.
        Arguments.of("AI_API_KEY", "co = cohere.Client('" + Fake.random(Fake.ALNUM, 40, 82) + "')"),
        Arguments.of("SENTRY_TOKEN", "Upload with sntrys_" + Fake.random(Fake.ALNUM, 64, 60) + " today."),
        Arguments.of("TAILSCALE_KEY", "Join using tskey-auth-" + Fake.random(Fake.ALNUM, 16, 61) + "-"
            + Fake.random(Fake.ALNUM, 32, 62) + "."),
        Arguments.of("NOTION_TOKEN", "The integration uses secret_" + Fake.random(Fake.ALNUM, 43, 63) + "."),
        Arguments.of("PLANETSCALE_TOKEN", "Connect with pscale_pw_" + Fake.random(Fake.ALNUM, 43, 64)),
        Arguments.of("MAPBOX_TOKEN", "Map style token sk.eyJ1IjoiYWNtZSIsImEiOiJ" + Fake.random(Fake.ALNUM, 12, 65)
            + "." + Fake.random(Fake.ALNUM, 22, 66)),
        Arguments.of("ALIBABA_ACCESS_KEY", "The key id LTAI" + Fake.random(Fake.ALNUM, 20, 67) + " works."),
        Arguments.of("TWITTER_BEARER_TOKEN", "Bearer token AAAAAAAAAAAAAAAAAAAAA" + Fake.random(Fake.ALNUM, 60, 68)),
        Arguments.of("BRAINTREE_ACCESS_TOKEN", "gateway: access_token$production$"
            + Fake.random("abcdefghijklmnopqrstuvwxyz0123456789", 16, 21) + "$" + Fake.random(Fake.HEX, 32, 22)),
        Arguments.of("CLI_PASSWORD", "docker login -u deploy -p " + Fake.password(23) + " registry.example.com"),
        // Config and shell shapes: XML elements, user:password after -u (user "admin"), glued
        // mysql -p, sshpass, PGPASSWORD, an empty URL user, a quoted value with brackets.
        Arguments.of("GENERIC_SECRET", "<server><password>" + Fake.password(24) + "</password></server>"),
        Arguments.of("CLI_PASSWORD", "curl -u admin:" + Fake.password(25) + " https://api.example.com"),
        Arguments.of("CLI_PASSWORD", "mysql -u root -p'" + Fake.password(26) + "' shop"),
        Arguments.of("CLI_PASSWORD", "sshpass -p '" + Fake.password(27) + "' ssh root@host"),
        Arguments.of("GENERIC_SECRET", "PGPASSWORD=" + Fake.password(28) + " psql -h db -U app"),
        Arguments.of("DB_CONNECTION_STRING", "redis://:" + Fake.password(29) + "@cache.internal:6379/0"),
        Arguments.of("GENERIC_SECRET", "SECRET_KEY = 'GcTZc(1UW+b5fxzpF7S$T^G7n)VLe3lAR$UsRJ*lNONwktN9ug'"),
        // The key word deep in a dotted name, in camelCase, after another assignment.
        Arguments.of("GENERIC_SECRET", "payments.gateway.primary_region.api_key="
            + Fake.random(Fake.ALNUM, 24, 30)),
        Arguments.of("GENERIC_SECRET", "const dbPassword = '" + Fake.password(31) + "';"),
        Arguments.of("GENERIC_SECRET", "user=deploy password=" + Fake.password(32) + " host=db"),
        // A login label with user / password, and a quoted passphrase of several words.
        Arguments.of("GENERIC_SECRET", "login: admin / " + Fake.password(33)),
        Arguments.of("GENERIC_SECRET", "The passphrase for the vault is \"correct horse battery staple\"."));
  }

  @ParameterizedTest
  @MethodSource("providerSecrets")
  void detectsAndRedactsProviderFormats(String type, String text) {
    GuardResult r = output(text);
    assertThat(hasType(r, type)).as(text).isTrue();
    assertThat(r.redactedContent()).contains("[" + type + "]");
    Finding f = r.findings().stream().filter(x -> x.entityType().equals(type)).findFirst().orElseThrow();
    String value = text.substring(f.span().start(), f.span().end());
    assertThat(r.redactedContent()).doesNotContain(value);
    assertThat(f.toString()).doesNotContain(value);
  }

  /** Formats found by their published prefix alone: a value, and one that falls just short. */
  static Stream<Arguments> prefixedFormats() {
    String lower = "abcdefghijklmnopqrstuvwxyz0123456789";
    String upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    String uuid = Fake.random(Fake.HEX, 8, 80) + "-" + Fake.random(Fake.HEX, 4, 81) + "-"
        + Fake.random(Fake.HEX, 4, 82) + "-" + Fake.random(Fake.HEX, 4, 83) + "-"
        + Fake.random(Fake.HEX, 12, 84);
    String b64 = Fake.ALNUM + "+/";
    return Stream.of(
        Arguments.of("ONEPASSWORD_TOKEN", "ops_eyJ" + Fake.random(b64, 180, 70),
            "ops_eyJ" + Fake.random(b64, 60, 70)),
        Arguments.of("AIRTABLE_TOKEN", "pat" + Fake.random(Fake.ALNUM, 14, 71) + "."
            + Fake.random(Fake.HEX, 64, 72), "pat" + Fake.random(Fake.ALNUM, 14, 71) + "."
            + Fake.random(Fake.HEX, 40, 72)),
        Arguments.of("CONTENTFUL_TOKEN", "CFPAT-" + Fake.random(Fake.ALNUM, 43, 73),
            "CFPAT-" + Fake.random(Fake.ALNUM, 30, 73)),
        Arguments.of("FRAMEIO_TOKEN", "fio-u-" + Fake.random(Fake.ALNUM, 64, 74),
            "fio-u-" + Fake.random(Fake.ALNUM, 50, 74)),
        Arguments.of("PREFECT_TOKEN", "pnu_" + Fake.random(Fake.ALNUM, 36, 75),
            "pnu_" + Fake.random(Fake.ALNUM, 35, 75)),
        Arguments.of("README_API_KEY", "rdme_" + Fake.random(lower, 70, 76),
            "rdme_" + Fake.random(lower, 60, 76)),
        Arguments.of("SCALINGO_TOKEN", "tk-us-" + Fake.random(Fake.ALNUM, 48, 77),
            "tk-us-" + Fake.random(Fake.ALNUM, 40, 77)),
        Arguments.of("TYPEFORM_TOKEN", "tfp_" + Fake.random(Fake.ALNUM, 59, 78),
            "tfp_" + Fake.random(Fake.ALNUM, 50, 78)),
        Arguments.of("FLYIO_TOKEN", "fo1_" + Fake.random(Fake.ALNUM, 43, 79),
            "fo1_" + Fake.random(Fake.ALNUM, 30, 79)),
        Arguments.of("FLYIO_TOKEN", "fm2_" + Fake.random(b64, 140, 85), "fm2_" + Fake.random(b64, 60, 85)),
        Arguments.of("HEROKU_API_KEY", "HRKU-AA" + Fake.random(Fake.ALNUM, 58, 86),
            "HRKU-AA" + Fake.random(Fake.ALNUM, 50, 86)),
        Arguments.of("NETLIFY_TOKEN", "nfp_" + Fake.random(Fake.ALNUM, 36, 87),
            "nfp_" + Fake.random(Fake.ALNUM, 30, 87)),
        Arguments.of("RENDER_API_KEY", "rnd_" + Fake.random(Fake.ALNUM, 32, 88),
            "rnd_" + Fake.random(Fake.ALNUM, 31, 88)),
        Arguments.of("CLOUDFLARE_ORIGIN_CA_KEY", "v1.0-" + Fake.random(Fake.HEX, 24, 89) + "-"
            + Fake.random(Fake.HEX, 146, 90), "v1.0-" + Fake.random(Fake.HEX, 24, 89) + "-"
            + Fake.random(Fake.HEX, 100, 90)),
        Arguments.of("TENCENT_SECRET_ID", "AKID" + Fake.random(Fake.ALNUM, 32, 91),
            "AKID" + Fake.random(Fake.ALNUM, 31, 91)),
        Arguments.of("YANDEX_API_KEY", "AQVN" + Fake.random(Fake.ALNUM, 36, 92),
            "AQVN" + Fake.random(Fake.ALNUM, 30, 92)),
        Arguments.of("BREVO_API_KEY", "xkeysib-" + Fake.random(Fake.HEX, 64, 93) + "-"
            + Fake.random(Fake.ALNUM, 16, 94), "xkeysib-" + Fake.random(Fake.HEX, 64, 93)),
        Arguments.of("ADOBE_CLIENT_SECRET", "p8e-" + Fake.random(Fake.ALNUM, 32, 95),
            "p8e-" + Fake.random(Fake.ALNUM, 31, 95)),
        Arguments.of("HUBSPOT_TOKEN", "pat-na1-" + uuid, "pat-na1-" + uuid.substring(0, 30)),
        Arguments.of("LANGSMITH_API_KEY", "lsv2_pt_" + Fake.random(Fake.HEX, 32, 96) + "_"
            + Fake.random(Fake.HEX, 10, 97), "lsv2_pt_" + Fake.random(Fake.HEX, 32, 96)),
        Arguments.of("CLOJARS_TOKEN", "CLOJARS_" + Fake.random(lower, 60, 98),
            "CLOJARS_" + Fake.random(lower, 50, 98)),
        Arguments.of("DUFFEL_TOKEN", "duffel_live_" + Fake.random(Fake.ALNUM, 43, 99),
            "duffel_live_" + Fake.random(Fake.ALNUM, 30, 99)),
        Arguments.of("EASYPOST_KEY", "EZAK" + Fake.random(Fake.ALNUM, 54, 100),
            "EZAK" + Fake.random(Fake.ALNUM, 40, 100)),
        Arguments.of("SHIPPO_TOKEN", "shippo_live_" + Fake.random(Fake.HEX, 40, 101),
            "shippo_live_" + Fake.random(Fake.HEX, 39, 101)),
        Arguments.of("PLAID_TOKEN", "access-production-" + uuid,
            "access-production-" + uuid.substring(0, 23)),
        Arguments.of("FLUTTERWAVE_KEY", "FLWSECK_TEST-" + Fake.random("abcdefgh0123456789", 32, 102)
            + "-X", "FLWSECK_TEST-" + Fake.random("abcdefgh0123456789", 32, 102)),
        Arguments.of("HARNESS_TOKEN", "pat." + Fake.random(Fake.ALNUM, 22, 103) + "."
            + Fake.random(Fake.HEX, 24, 104) + "." + Fake.random(Fake.ALNUM, 20, 105),
            "pat." + Fake.random(Fake.ALNUM, 22, 103) + "." + Fake.random(Fake.HEX, 24, 104)),
        Arguments.of("INFRACOST_KEY", "ico-" + Fake.random(Fake.ALNUM, 32, 106),
            "ico-" + Fake.random(Fake.ALNUM, 20, 106)),
        Arguments.of("OCTOPUS_DEPLOY_KEY", "API-" + Fake.random(upper, 26, 107),
            "API-" + Fake.random(upper, 20, 107)),
        Arguments.of("GCP_OAUTH_TOKEN", "1//0" + Fake.random(Fake.ALNUM + "_-", 60, 108),
            "1//0" + Fake.random(Fake.ALNUM, 20, 108)));
  }

  @ParameterizedTest
  @MethodSource("prefixedFormats")
  void findsPublishedPrefixesAndNotTheirNearMisses(String type, String value, String nearMiss) {
    GuardResult r = output("Rotate this one: " + value + " before Friday.");
    assertThat(hasType(r, type)).as(value).isTrue();
    assertThat(r.redactedContent()).isEqualTo("Rotate this one: [" + type + "] before Friday.");
    assertThat(hasType(output("Rotate this one: " + nearMiss + " before Friday."), type))
        .as(nearMiss).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "password = ${DB_PASSWORD}",
      "api_key: <your-api-key>",
      "token = process.env.GITHUB_TOKEN",
      "secret: xxxxxxxxxxxxxxxx",
      "api_key: sk-XXXXXXXXXXXXXXXXXXXXXXXX",
      "password: \"********\"",
      "AKIA1234",
      "Set your password in the settings page.",
      "The token bucket algorithm limits request rates.",
      "key = value",
      // A base64 "auth" that is no "user:password" (a nonce, a hash).
      "{\"auth\": \"q7Kx29LmZpVb0aTn4RcYwE8s\"}",
      "passwordLabel = \"Password:\"",
      "mysql -u root -p shop",
      "<password>${DB_PASSWORD}</password>",
      "curl -u admin:$TOKEN https://example.com",
      "token = client.get_token()",
      "api_key=ApiKeyProvider.fetch(region)",
      // UI labels: the text between two strings is no quoted value.
      "usernameLabel:\"Username or email:\",passwordLabel:\"Password:\",rememberMeLabel:\"Remember me:\"",
      // Provider prefixes on identifiers, placeholders and padding.
      "self.secret_key_for_the_signing_service_in_production_env = load()",
      "notion = secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "zeros in base64: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
      // A label with two words, and a user with a pointer instead of a password.
      "Account: Sales / Marketing",
      "username: admin / (see the wiki)",
      // The shape of a Discord bot token, with nothing saying it is one: a dotted route.
      "See the Discord docs: MyApp.Module.Controller.Action is the route.",
      // Clients built with a URL, a host name or a placeholder.
      "client = httpx.Client('https://api.example.com/v1/resources/base')",
      "c = redis.Client('localhost-cache-server-primary-01')",
      "x = foo.Client('your-api-key-goes-here-please-replace')",
  })
  void ignoresPlaceholdersReferencesAndProse(String text) {
    assertThat(has(output(text), "secret")).as(text).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // Random values that only resemble a mask or a path.
      "api_key: H9xXXxll9HePnXoxtNp1IFNaTD, ok",
      "aws_secret_access_key = /dmrxpVgzbGUGoNNruqC+m/DgqLzoS/TIcJJdMvF | next",
      // A parenthesis after the sentence's full stop is no call.
      "password=uneZdwPq4q!59.(see the wiki)",
      // Glued by a full stop to a word and '(': no identifier is random or holds '!'.
      "TOKEN=dLJgEn6xieihXxnPFuDY1lsPNEV.hello(",
      "password=HWz7jSlHmy!82.export(the config",
      "password=q16j15IZad!03(",
      // Markdown italics.
      "Your token is _ghp_Of9TiPn1d4OiI9Tg78Eh7jaqysxTvTwChizn_ for now.",
  })
  void randomValuesResemblingMasksOrPathsAreSecrets(String text) {
    assertThat(has(output(text), "secret")).as(text).isTrue();
  }

  @Test
  void everyCredentialNearTheStartIsRedactedNotOnlyTheFirst() {
    // Formats that may start before their trigger share one window start (0) near the top of a
    // text; each trigger must still find its own match.
    String pw = Fake.password(41);
    String token = Fake.random(Fake.ALNUM, 20, 42);
    GuardResult r = output("db_password=" + pw + "\nfoo=1\napi_token=" + token);
    assertThat(r.redactedContent()).doesNotContain(pw).doesNotContain(token);

    String secret = Fake.random(Fake.ALNUM + "/+", 40, 43);
    String text = Fake.awsAccessKey(44) + " \n with secret " + secret + " for "
        + Fake.awsAccessKey(45) + " a:";
    assertThat(output(text).redactedContent()).doesNotContain(secret);

    // Two secrets before one key id, the first already found by its key name.
    String second = "/" + Fake.random(Fake.ALNUM + "/+", 39, 48);
    text = "aws_secret_access_key = " + secret + "  with secret " + second + " for "
        + Fake.awsAccessKey(49);
    assertThat(output(text).redactedContent())
        .isEqualTo("aws_secret_access_key = [AWS_SECRET_KEY]  with secret [AWS_SECRET_KEY] for"
            + " [AWS_ACCESS_KEY]");
  }

  @Test
  void aValueLongerThanItsFormatReadsIsRedactedToItsEnd() {
    // An xAI key (84 chars) outruns its format's 64-char window, a Google refresh token its
    // window, a long generic value the generic format's length bound: no tail may stay in clear.
    String xai = "xai-" + Fake.random(Fake.ALNUM, 80, 61);
    String refresh = "1//0" + Fake.random(Fake.ALNUM + "_-", 100, 62);
    String generic = Fake.random(Fake.ALNUM, 300, 63);
    GuardResult r = output("the key " + xai + " works; CLI token " + refresh + " and password="
        + generic + "\nnext line");
    assertThat(r.redactedContent()).isEqualTo("the key [AI_API_KEY] works; CLI token"
        + " [GCP_OAUTH_TOKEN] and password=[GENERIC_SECRET]\nnext line");
    // A base64-encoded PEM block runs far past its format's window, over '/' and '+'.
    String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + Fake.random(Fake.ALNUM + "/+", 1600, 65)
        + "\n-----END RSA PRIVATE KEY-----\n";
    String b64 = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    assertThat(output("PRIVATE_KEY_B64=" + b64 + "\n").redactedContent())
        .isEqualTo("PRIVATE_KEY_B64=[PRIVATE_KEY]\n");
    // A value that ends where its format does keeps the text after it, a URL's path included.
    assertThat(output("key " + Fake.githubToken(64) + ", then more").redactedContent())
        .isEqualTo("key [GITHUB_TOKEN], then more");
    String device = Fake.random("abcdefghijklmnopqrstuvwxyz0123456789", 20, 66);
    assertThat(output("POST https://thingsboard.cloud/api/v1/" + device + "/telemetry")
        .redactedContent())
        .isEqualTo("POST https://thingsboard.cloud/api/v1/[THINGSBOARD_TOKEN]/telemetry");
    // Dotted segments (a token shaped like a JWT) cut by the length bound: the rest goes too,
    // while a dot that ends a sentence stays.
    String dotted = Fake.random(Fake.ALNUM, 90, 67) + "." + Fake.random(Fake.ALNUM, 80, 68) + "."
        + Fake.random(Fake.ALNUM, 40, 69);
    assertThat(output("token: " + dotted + ". Done").redactedContent())
        .isEqualTo("token: [GENERIC_SECRET]. Done");
  }

  @Test
  void aJwtWhoseSignatureReadsAsAnAwsSecretKeyIsRedactedWhole() {
    // Near an access key, the signature's 40-char run also matches the AWS secret key format,
    // which is checked first; the header and payload must not be left behind.
    String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJHaFhVNVdobHVlIn0."
        + Fake.random(Fake.ALNUM, 40, 46) + "-BG";
    GuardResult r = output(" " + Fake.awsAccessKey(47) + "  " + jwt + " ");
    assertThat(r.redactedContent()).isEqualTo(" [AWS_ACCESS_KEY]  [JWT] ");
  }

  @Test
  void jwtNeedsAValidHeader() {
    String bogus = "eyJub3RhbmFsZyI6MX0.eyJzdWIiOiJ4In0.c2lnbmF0dXJlaGVyZQ";
    assertThat(hasType(output("value " + bogus), "JWT")).isFalse();
  }

  @Test
  void secretInsideBase64IsRedactedAsTheWholeEncodedRun() {
    String inner = "aws_secret_access_key=" + Fake.random(Fake.ALNUM + "/+", 40, 21);
    String b64 = Base64.getEncoder().encodeToString(inner.getBytes(StandardCharsets.UTF_8));
    GuardResult r = output("config blob: " + b64 + " end");
    assertThat(r.findings()).anyMatch(f -> f.category().equals("secret")
        && f.location().equals("content+base64"));
    assertThat(r.redactedContent()).isEqualTo("config blob: [AWS_SECRET_KEY] end");
  }

  @Test
  void secretsInToolArgumentsAndAttributesAreRedactedToo() {
    String key = Fake.githubToken(31);
    GuardResult r = io.guardstream.guard.Fixtures.RULES_ONLY.check(
        io.guardstream.guard.GuardRequest.builder(io.guardstream.guard.Kind.TOOL_CALL)
            .tool("http_get", "{\"url\":\"https://api.example\",\"token\":\"" + key + "\"}")
            .attributes(java.util.Map.of("note", "use " + key))
            .build());
    assertThat(r.findings()).extracting(Finding::location)
        .contains("tool.arguments", "attributes.note");
    assertThat(r.redactedToolArguments()).doesNotContain(key).contains("[GITHUB_TOKEN]");
    assertThat(r.redactedAttributes().get("note")).isEqualTo("use [GITHUB_TOKEN]");
  }
}
