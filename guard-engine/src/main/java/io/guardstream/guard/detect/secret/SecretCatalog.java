package io.guardstream.guard.detect.secret;

import com.google.re2j.Pattern;
import io.guardstream.guard.detect.Validators;
import java.util.ArrayList;
import java.util.List;

/**
 * Built-in credential formats, by provider. Patterns follow the providers' published token
 * formats (prefixes, lengths, alphabets); context patterns ("…_SECRET = value") need a
 * credential-like key name plus an entropy and placeholder check on the value.
 */
public final class SecretCatalog {
  private SecretCatalog() {}

  private static final List<SecretPattern> ALL = build();

  /** Every built-in pattern. */
  public static List<SecretPattern> all() {
    return ALL;
  }

  // Key = value separators and optional quotes, as found in env files, YAML, JSON and code.
  private static final String ASSIGN = "\\\\?[\"']?\\s*(?:[:=]|:=|=>|->)\\s*\\\\?[\"'`]?";
  private static final String VALUE_END = "(?:[^A-Za-z0-9/+=_\\-]|$)";

  private static final class Builder {
    final List<SecretPattern> list = new ArrayList<>();

    Builder add(String type, String family, String regex, int group, String... triggers) {
      return add(type, family, regex, group, 0, null, 0.99, 256, triggers);
    }

    Builder add(String type, String family, String regex, int group, double minEntropy,
        Validators.Validator validator, double confidence, int window, String... triggers) {
      Pattern pattern = Pattern.compile(underscoreBounds(regex));
      list.add(new SecretPattern(type, family, List.of(triggers), pattern, group,
          1, window, minEntropy, validator, confidence, family.equals("generic"), 0,
          SecretPattern.atTrigger(pattern, 1)));
      return this;
    }

    /** The last pattern needs {@code chars} of context before its trigger. */
    Builder before(int chars) {
      SecretPattern p = list.remove(list.size() - 1);
      list.add(new SecretPattern(p.entityType(), p.family(), p.triggers(), p.pattern(), p.group(),
          chars, p.window(), p.minEntropy(), p.validator(), p.confidence(), p.generic(),
          p.assignWithin(),
          p.atTrigger() == null ? null : SecretPattern.atTrigger(p.pattern(), chars)));
      return this;
    }

    /** The last pattern's trigger is only context: its secret may be anywhere in the window. */
    Builder anywhereInWindow() {
      SecretPattern p = list.remove(list.size() - 1);
      list.add(new SecretPattern(p.entityType(), p.family(), p.triggers(), p.pattern(), p.group(),
          p.before(), p.window(), p.minEntropy(), p.validator(), p.confidence(), p.generic(),
          p.assignWithin(), null));
      return this;
    }

    /**
     * The last pattern is a "key = value" format whose key contains the trigger: it only runs
     * where an assignment operator follows within {@value #ASSIGN_WITHIN} chars (the rest of the
     * key name, quotes and aligning spaces).
     */
    Builder assignment() {
      SecretPattern p = list.remove(list.size() - 1);
      list.add(new SecretPattern(p.entityType(), p.family(), p.triggers(), p.pattern(), p.group(),
          p.before(), p.window(), p.minEntropy(), p.validator(), p.confidence(), p.generic(),
          ASSIGN_WITHIN, p.atTrigger()));
      return this;
    }

    /** A value assigned to a key whose name says which provider's secret it is. */
    Builder context(String type, String family, String keyRegex, String valueRegex,
        double minEntropy, String... triggers) {
      String regex = "(?i:" + keyRegex + ")[A-Za-z0-9_.\\-]{0,24}?" + ASSIGN + "(" + valueRegex
          + ")" + VALUE_END;
      return add(type, family, regex, 1, minEntropy, Validators::notPlaceholder, 0.95, 200,
          triggers).assignment();
    }
  }

  private static final int ASSIGN_WITHIN = 64;

  /**
   * {@code regex} with the word boundaries next to its secret group also met by an underscore:
   * markdown italics ("_ghp_…_") glue one to a token, and for {@code \b} it is a word char.
   */
  static String underscoreBounds(String regex) {
    return regex.replace("\\b(", "(?:\\b|_)(").replace(")\\b", ")(?:\\b|_)");
  }

  private static List<SecretPattern> build() {
    Builder b = new Builder();
    // --- cloud providers
    b.add("AWS_ACCESS_KEY", "aws",
        "\\b((?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|A3T[A-Z0-9])[A-Z0-9]{16})\\b",
        1, "akia", "asia", "abia", "acca", "agpa", "aida", "aroa", "aipa", "anpa", "anva", "apka",
        "a3t");
    b.context("AWS_SECRET_KEY", "aws", "aws|secret[_\\-]?access|secret[_\\-]?key",
        "[A-Za-z0-9/+]{40}", 3.8, "aws", "secret");
    // A secret access key stated next to its key id, with or without a key name ("AKIA… with
    // secret …"): 40 base64 chars of high entropy (a 40-hex digest stays below 4.2 bits/char).
    b.add("AWS_SECRET_KEY", "aws",
        "\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b[^\\n]{0,160}?(?:^|[^A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)",
        1, 4.2, Validators::notPlaceholder, 0.9, 200, "akia", "asia");
    b.add("AWS_SECRET_KEY", "aws",
        "(?:^|[^A-Za-z0-9/+=])([A-Za-z0-9/+]{40})[^A-Za-z0-9/+=][^\\n]{0,160}?\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b",
        1, 4.2, Validators::notPlaceholder, 0.9, 24, "akia", "asia")
        .before(210);
    b.context("AWS_SESSION_TOKEN", "aws", "session[_\\-]?token|security[_\\-]?token",
        "[A-Za-z0-9/+=]{100,1000}", 4.0, "session", "security");
    b.add("AWS_APPSYNC_KEY", "aws", "\\b(da2-[a-z0-9]{26})\\b", 1, "da2-");
    b.add("GCP_API_KEY", "gcp", "\\b(AIza[0-9A-Za-z_\\-]{35})", 1, "aiza");
    b.add("GCP_OAUTH_CLIENT_SECRET", "gcp", "\\b(GOCSPX-[0-9A-Za-z_\\-]{28})", 1, "gocspx-");
    b.context("GCP_OAUTH_CLIENT_SECRET", "gcp", "client[_\\-]?secret", "[A-Za-z0-9_\\-]{24}", 3.5,
        "client_secret", "client-secret", "clientsecret");
    b.add("GCP_OAUTH_TOKEN", "gcp", "\\b(ya29\\.[0-9A-Za-z_\\-]{30,})", 1, "ya29.");
    b.add("GCP_SERVICE_ACCOUNT_KEY", "gcp", "\"private_key_id\"\\s*:\\s*\"([0-9a-f]{40})\"", 1,
        "private_key_id");
    b.add("AZURE_STORAGE_KEY", "azure",
        "(?i:AccountKey|SharedAccessKey|AccessKey)\\s*=\\s*([A-Za-z0-9+/]{30,}={0,2})", 1, 3.5,
        null, 0.99, 256, "accountkey", "sharedaccesskey", "accesskey=");
    b.add("AZURE_SAS_TOKEN", "azure", "[?&]sig=([A-Za-z0-9%+/]{30,}(?:%3D|=){0,2})", 1, "sig=");
    b.add("AZURE_CLIENT_SECRET", "azure", "\\b([A-Za-z0-9_~.\\-]{3}\\dQ~[A-Za-z0-9_~.\\-]{31,34})",
        1, "q~")
        .before(5);
    b.add("AZURE_APP_CONFIG_SECRET", "azure",
        "Endpoint=https://[^;\\s]+;Id=[^;\\s]+;Secret=([A-Za-z0-9+/=]{20,})", 1, "secret=")
        .before(300);
    b.add("AZURE_DEVOPS_PAT", "azure", "\\b([A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})\\b", 1, "azdo")
        .before(80);
    b.context("AZURE_DEVOPS_PAT", "azure", "ado|devops|azure|vsts|pat", "[a-z2-7]{52}", 3.5,
        "ado", "devops", "azure", "vsts", "pat");

    // --- code hosting and CI
    b.add("GITHUB_TOKEN", "github", "\\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255})\\b", 1,
        "ghp_", "gho_", "ghu_", "ghs_", "ghr_");
    b.add("GITHUB_TOKEN", "github", "\\b(github_pat_[A-Za-z0-9_]{60,255})", 1, "github_pat_");
    b.context("GITHUB_TOKEN", "github", "github|gh", "[0-9a-f]{40}", 3.0, "github", "gh_");
    b.add("GITLAB_TOKEN", "gitlab",
        "\\b((?:glpat|gldt|glrt|glcbt|glptt|glft|glimt|glagent|glsoat|gloas|glffct)-[0-9A-Za-z_\\-]{20,})",
        1, "glpat-", "gldt-", "glrt-", "glcbt-", "glptt-", "glft-", "glimt-", "glagent-", "glsoat-",
        "gloas-", "glffct-");
    b.add("GITLAB_TOKEN", "gitlab", "\\b(GR1348941[0-9A-Za-z_\\-]{20,})", 1, "gr1348941");
    b.add("BITBUCKET_APP_PASSWORD", "atlassian", "\\b(ATBB[A-Za-z0-9_=.\\-]{28,})", 1, "atbb");
    b.add("ATLASSIAN_API_TOKEN", "atlassian", "\\b(ATATT3[A-Za-z0-9_\\-=]{100,})", 1, "atatt3");
    b.context("ATLASSIAN_API_TOKEN", "atlassian", "atlassian|jira|confluence",
        "[A-Za-z0-9]{24}", 3.5, "atlassian", "jira", "confluence");
    b.add("NPM_TOKEN", "registry", "\\b(npm_[A-Za-z0-9]{36})\\b", 1, "npm_");
    b.add("PYPI_TOKEN", "registry", "\\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\\-]{50,})", 1,
        "pypi-ageichlwas5vcmc");
    b.add("NUGET_API_KEY", "registry", "\\b(oy2[a-z0-9]{43})\\b", 1, "oy2");
    b.add("RUBYGEMS_API_KEY", "registry", "\\b(rubygems_[a-f0-9]{48})\\b", 1, "rubygems_");
    b.add("CRATES_IO_TOKEN", "registry", "\\b(cio[a-zA-Z0-9]{32})\\b", 1, 3.5, null, 0.9, 64,
        "cio");
    b.add("DOCKER_HUB_TOKEN", "registry", "\\b(dckr_pat_[A-Za-z0-9_\\-]{27,})", 1, "dckr_pat_");
    b.add("ARTIFACTORY_TOKEN", "registry", "\\b(AKCp[A-Za-z0-9]{69})\\b", 1, "akcp");
    b.add("ARTIFACTORY_TOKEN", "registry", "\\b(cmVmdGtuOjAxOj[A-Za-z0-9]{40,})", 1,
        "cmvmdgtuojaxoj");
    b.add("SONARQUBE_TOKEN", "ci", "\\b((?:squ|sqp|sqa)_[a-f0-9]{40})\\b", 1, "squ_", "sqp_",
        "sqa_");
    b.add("SOURCEGRAPH_TOKEN", "ci", "\\b(sgp_(?:[a-f0-9]{16}_|local_)?[a-f0-9]{40})\\b", 1,
        "sgp_");
    b.add("TERRAFORM_TOKEN", "ci", "\\b([A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_\\-=]{60,})", 1,
        "atlasv1")
        .before(16);
    b.add("PULUMI_TOKEN", "ci", "\\b(pul-[a-f0-9]{40})\\b", 1, "pul-");
    b.add("CODECLIMATE_REPORTER_ID", "ci",
        "(?i:cc_test_reporter_id)[\"']?\\s*[:=]\\s*[\"']?([a-f0-9]{64})\\b", 1,
        "cc_test_reporter_id");
    b.add("LINEAR_API_KEY", "saas", "\\b(lin_api_[A-Za-z0-9]{40})\\b", 1, "lin_api_");
    b.add("SUPABASE_TOKEN", "saas", "\\b(sbp_[a-f0-9]{40})\\b", 1, "sbp_");

    // --- chat and messaging
    b.add("SLACK_TOKEN", "slack", "\\b(xox[abposre]-(?:\\d+-){1,3}[0-9A-Za-z]{20,64})\\b", 1,
        "xox");
    b.add("SLACK_TOKEN", "slack", "\\b(xapp-\\d-[A-Z0-9]+-\\d+-[a-f0-9]{32,})\\b", 1, "xapp-");
    b.add("SLACK_WEBHOOK", "slack",
        "(https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_\\-]{30,})", 1,
        "hooks.slack.com")
        .before(40);
    b.add("TEAMS_WEBHOOK", "microsoft",
        "(https://[a-zA-Z0-9\\-.]*(?:webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/[a-f0-9\\-]{36}@[a-f0-9\\-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9\\-]{36})",
        1, "webhook.office.com", "outlook.office")
        .before(40);
    b.add("DISCORD_WEBHOOK", "chat",
        "(https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d+/[A-Za-z0-9_\\-]{60,})",
        1, "discord")
        .before(40);
    // In API URLs the token follows "bot" directly: api.telegram.org/bot123456789:AA…
    b.add("TELEGRAM_BOT_TOKEN", "chat",
        "(?:\\b|bot)(\\d{8,10}:AA[0-9A-Za-z_\\-]{30,35})(?:[^0-9A-Za-z_\\-]|$)", 1, ":aa")
        .before(14);
    // Discord bot tokens: the bot's id in base64 ("MT…", "Nz…", "OD…"), a timestamp and an HMAC,
    // dot-separated. No fixed prefix, so they count near "discord" or a bot's login call.
    b.add("DISCORD_BOT_TOKEN", "chat",
        "\\b([MNO][A-Za-z0-9_\\-]{22,27}\\.[A-Za-z0-9_\\-]{6}\\.[A-Za-z0-9_\\-]{27,38})"
            + "(?:[^A-Za-z0-9_\\-]|$)", 1, 3.5, null, 0.95, 300,
        "discord", ".login(", "bot.run(", "client.run(")
        .before(300)
        .anywhereInWindow();

    // --- payments and commerce
    b.add("STRIPE_KEY", "stripe", "\\b((?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,247})\\b", 1,
        "sk_live_", "sk_test_", "rk_live_", "rk_test_");
    b.add("STRIPE_KEY", "stripe", "\\b(whsec_[A-Za-z0-9]{32,})\\b", 1, "whsec_");
    b.add("SQUARE_TOKEN", "commerce",
        "\\b(sq0atp-[0-9A-Za-z_\\-]{22}|sq0csp-[0-9A-Za-z_\\-]{43}|EAAA[0-9A-Za-z_\\-]{60})", 1,
        "sq0atp-", "sq0csp-", "eaaa");
    b.add("SHOPIFY_TOKEN", "commerce", "\\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\\b", 1,
        "shpat_", "shpca_", "shppa_", "shpss_");
    b.add("BRAINTREE_ACCESS_TOKEN", "commerce",
        "\\b(access_token\\$(?:production|sandbox)\\$[0-9a-z]{16}\\$[0-9a-f]{32})\\b", 1,
        "access_token$");

    // --- AI providers
    b.add("OPENAI_API_KEY", "ai",
        "\\b(sk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_\\-]{16,}T3BlbkFJ[A-Za-z0-9_\\-]{16,})",
        1, "t3blbkfj")
        .before(160);
    b.add("OPENAI_API_KEY", "ai", "\\b(sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\\-]{40,})", 1,
        "sk-proj-", "sk-svcacct-", "sk-admin-");
    b.add("OPENAI_API_KEY", "ai", "\\b(sk-[A-Za-z0-9]{48})\\b", 1, 4.0, null, 0.99, 64, "sk-");
    b.add("ANTHROPIC_API_KEY", "ai", "\\b(sk-ant-(?:api|admin)\\d{2}-[A-Za-z0-9_\\-]{80,})", 1,
        "sk-ant-");
    b.add("HUGGINGFACE_TOKEN", "ai", "\\b((?:hf_|api_org_)[A-Za-z]{34})\\b", 1, "hf_",
        "api_org_");
    b.add("AI_API_KEY", "ai", "\\b(gsk_[A-Za-z0-9]{52})\\b", 1, "gsk_");
    b.add("AI_API_KEY", "ai",
        "\\b((?:tvly|pplx|jina|nvapi|xai|r8)[-_][A-Za-z0-9_\\-]{30,})", 1, 3.5, null, 0.95, 64,
        "tvly-", "pplx-", "jina_", "nvapi-", "xai-", "r8_");
    b.add("AI_API_KEY", "ai", "\\b(fc-[a-f0-9]{32})\\b", 1, "fc-");
    // Gateways, vector stores and tracing of AI apps: prefixes of their own.
    b.add("AI_API_KEY", "ai", "\\b(sk-or-v1-[a-f0-9]{64})\\b", 1, "sk-or-v1-");
    b.add("AI_API_KEY", "ai", "\\b(pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{40,80})\\b", 1, "pcsk_");
    b.add("AI_API_KEY", "ai", "\\b(sk-lf-[a-f0-9]{8}(?:-[a-f0-9]{4}){3}-[a-f0-9]{12})\\b", 1,
        "sk-lf-");
    b.add("AI_API_KEY", "ai", "\\b(sk-helicone-[A-Za-z0-9]{7}(?:-[A-Za-z0-9]{7}){3})\\b", 1,
        "sk-helicone-");
    // An SDK client built with its key as the first argument: cohere.Client('…').
    b.add("AI_API_KEY", "ai",
        "\\.(?i:client|clientv2|asyncclient)\\(\\s*['\"]([A-Za-z0-9]{30,100})['\"]\\s*[,)]", 1, 3.5,
        Validators::notPlaceholder, 0.9, 64, ".client(", ".clientv2(", ".asyncclient(");

    // --- SaaS
    b.add("SENDGRID_API_KEY", "saas", "\\b(SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43})", 1,
        "sg.");
    b.context("TWILIO_API_KEY", "saas", "twilio", "SK[0-9a-fA-F]{32}", 3.0, "twilio");
    b.add("TWILIO_API_KEY", "saas", "\\b(SK[0-9a-f]{32})\\b", 1, 3.0, null, 0.9, 300, "twilio")
        .before(300)
        .anywhereInWindow();
    b.add("MAILCHIMP_API_KEY", "saas", "\\b([0-9a-f]{32}-us\\d{1,2})\\b", 1, "-us")
        .before(33);
    b.add("MAILGUN_API_KEY", "saas", "\\b(key-[0-9a-zA-Z]{32})\\b", 1, "key-");
    b.add("POSTMAN_API_KEY", "saas", "\\b(PMAK-[a-f0-9]{24}-[a-f0-9]{34})\\b", 1, "pmak-");
    b.add("DIGITALOCEAN_TOKEN", "saas", "\\b(do[opr]_v1_[a-f0-9]{64})\\b", 1, "dop_v1_",
        "doo_v1_", "dor_v1_");
    b.add("DOPPLER_TOKEN", "saas", "\\b(dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9_.\\-]{40,})",
        1, "dp.");
    b.add("DROPBOX_TOKEN", "saas", "\\b(sl\\.[A-Za-z0-9_\\-]{130,})", 1, "sl.");
    b.add("DYNATRACE_TOKEN", "saas", "\\b(dt0[a-zA-Z]\\d{2}\\.[A-Z0-9]{24}\\.[A-Z0-9]{64})\\b",
        1, "dt0");
    b.add("FACEBOOK_ACCESS_TOKEN", "saas", "\\b(EAA[A-Za-z0-9]{90,})", 1, "eaa");
    b.add("FIGMA_TOKEN", "saas", "\\b(figd_[A-Za-z0-9_\\-]{40})", 1, "figd_");
    b.add("GRAFANA_TOKEN", "saas", "\\b(glc_[A-Za-z0-9+/]{32,}={0,2})", 1, "glc_");
    b.add("GRAFANA_TOKEN", "saas", "\\b(glsa_[A-Za-z0-9]{32}_[a-fA-F0-9]{8})\\b", 1, "glsa_");
    b.add("GRAFANA_TOKEN", "saas", "\\b(eyJrIjoi[A-Za-z0-9+/]{50,}={0,2})", 1, "eyjrijoi");
    b.add("NEW_RELIC_KEY", "saas",
        "\\b(NRAK-[A-Z0-9]{27}|NRAA-[a-f0-9]{27}|NRII-[A-Za-z0-9_\\-]{32}|NRIQ-[A-Za-z0-9_\\-]{32}|NRJS-[a-f0-9]{19}|NRRA-[a-f0-9]{42})\\b",
        1, "nrak-", "nraa-", "nrii-", "nriq-", "nrjs-", "nrra-");
    b.add("NEW_RELIC_KEY", "saas", "\\b([A-Za-z0-9]{36}NRAL)\\b", 1, "nral")
        .before(37);
    b.add("NEW_RELIC_KEY", "saas", "\\b(px-(?:api|dep)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})\\b",
        1, "px-api-", "px-dep-");
    b.context("OKTA_API_TOKEN", "saas", "okta|ssws", "00[A-Za-z0-9_\\-]{40}", 3.5, "okta",
        "ssws");
    b.add("OKTA_API_TOKEN", "saas", "(?i:SSWS)\\s+(00[A-Za-z0-9_\\-]{40})\\b", 1, "ssws");
    b.add("HASHICORP_VAULT_TOKEN", "vault", "\\b(hv[sbr]\\.[A-Za-z0-9_\\-]{24,})", 1, "hvs.",
        "hvb.", "hvr.");
    b.add("HASHICORP_VAULT_TOKEN", "vault", "\\b(b\\.AAAAAQ[A-Za-z0-9_\\-]{100,})", 1,
        "b.aaaaaq");
    b.context("HASHICORP_VAULT_TOKEN", "vault", "vault", "[sbr]\\.[A-Za-z0-9]{24}", 3.0,
        "vault");
    b.add("KUBERNETES_BOOTSTRAP_TOKEN", "kubernetes",
        "(?i:token|kubeadm|bootstrap)[^\\n]{0,40}?\\b([a-z0-9]{6}\\.[a-z0-9]{16})\\b", 1, 3.0,
        null, 0.95, 200, "kubeadm", "bootstrap", "token");
    b.context("HEROKU_API_KEY", "saas", "heroku",
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", 3.0,
        "heroku");

    b.add("ADAFRUIT_IO_KEY", "saas", "\\b(aio_[A-Za-z0-9]{28})\\b", 1, "aio_");
    b.add("SENTRY_TOKEN", "saas",
        "\\b(sntrys_[A-Za-z0-9+/=_]{60,}|sntryu_[a-f0-9]{64})", 1, "sntrys_", "sntryu_");
    b.add("TAILSCALE_KEY", "saas",
        "\\b(tskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9]{8,}-[A-Za-z0-9]{16,})\\b", 1,
        "tskey-");
    // Notion's "secret_" is also a prefix of identifiers: the value must be random.
    b.add("NOTION_TOKEN", "saas", "\\b(secret_[A-Za-z0-9]{43}|ntn_[A-Za-z0-9]{46})\\b", 1, 3.5,
        null, 0.95, 64, "secret_", "ntn_");
    b.add("PLANETSCALE_TOKEN", "saas", "\\b(pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_\\-.=]{32,64})", 1,
        "pscale_");
    b.add("MAPBOX_TOKEN", "saas", "\\b(sk\\.eyJ[A-Za-z0-9_\\-]{30,}\\.[A-Za-z0-9_\\-]{20,})", 1,
        "sk.eyj");
    b.add("ALIBABA_ACCESS_KEY", "saas", "\\b(LTAI[A-Za-z0-9]{12,20})\\b", 1, 3.0, null, 0.95,
        64, "ltai");
    b.add("TWITTER_BEARER_TOKEN", "saas", "\\b(A{20,22}[A-Za-z0-9%]{30,})", 1, 3.0, null, 0.95,
        64, "aaaaaaaaaaaaaaaaaaaa");
    b.add("DATABRICKS_TOKEN", "saas", "\\b(dapi[a-f0-9]{32}(?:-\\d)?)\\b", 1, "dapi");
    b.add("DEPENDENCY_TRACK_KEY", "saas", "\\b(odt_[A-Za-z0-9]{32,})\\b", 1, "odt_");
    b.add("SALESFORCE_TOKEN", "saas", "\\b(00[A-Za-z0-9]{13}![A-Za-z0-9_.]{40,})", 1, "!")
        .before(16);
    b.add("TWITCH_STREAM_KEY", "saas", "\\b(live_\\d{6,12}_[A-Za-z0-9]{30})\\b", 1, "live_");
    b.add("THINGSBOARD_TOKEN", "saas", "/api/v1/([a-z0-9]{20})/(?:telemetry|attributes|rpc)", 1,
        "/api/v1/");
    b.add("TRUENAS_API_KEY", "saas", "\\b(\\d{1,4}-[A-Za-z0-9]{64})\\b", 1, 4.0, null, 0.95, 200,
        "api_key", "apikey", "api-key")
        .anywhereInWindow();
    b.context("POSTMARK_TOKEN", "saas", "postmark",
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", 3.0, "postmark");
    // More published prefixes (vendors' token documentation).
    b.add("ONEPASSWORD_TOKEN", "saas", "\\b(ops_eyJ[A-Za-z0-9+/_\\-]{100,}={0,2})", 1, "ops_eyj");
    b.add("AIRTABLE_TOKEN", "saas", "\\b(pat[A-Za-z0-9]{14}\\.[a-f0-9]{64})\\b", 1, "pat");
    b.add("CONTENTFUL_TOKEN", "saas", "\\b(CFPAT-[A-Za-z0-9_\\-]{43})(?:[^A-Za-z0-9_\\-]|$)", 1,
        "cfpat-");
    b.add("FRAMEIO_TOKEN", "saas", "\\b(fio-u-[A-Za-z0-9_\\-=]{64})(?:[^A-Za-z0-9_\\-=]|$)", 1,
        "fio-u-");
    b.add("PREFECT_TOKEN", "saas", "\\b(pnu_[A-Za-z0-9]{36})\\b", 1, "pnu_");
    b.add("README_API_KEY", "saas", "\\b(rdme_[a-z0-9]{70})\\b", 1, "rdme_");
    b.add("SCALINGO_TOKEN", "saas", "\\b(tk-us-[A-Za-z0-9_\\-]{48})(?:[^A-Za-z0-9_\\-]|$)", 1,
        "tk-us-");
    b.add("TYPEFORM_TOKEN", "saas", "\\b(tfp_[A-Za-z0-9_\\-.=]{59})(?:[^A-Za-z0-9_\\-.=]|$)", 1,
        "tfp_");
    b.add("FLYIO_TOKEN", "saas",
        "\\b(fo1_[A-Za-z0-9_\\-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,}={0,3}|fm2_[A-Za-z0-9+/]{100,}={0,3})",
        1, "fo1_", "fm1a_", "fm1r_", "fm2_");
    b.add("HEROKU_API_KEY", "saas", "\\b(HRKU-AA[A-Za-z0-9_\\-]{58})(?:[^A-Za-z0-9_\\-]|$)", 1,
        "hrku-");
    b.add("NETLIFY_TOKEN", "saas", "\\b(nfp_[A-Za-z0-9]{36})\\b", 1, "nfp_");
    b.add("RENDER_API_KEY", "saas", "\\b(rnd_[A-Za-z0-9]{32})\\b", 1, "rnd_");
    b.add("CLOUDFLARE_ORIGIN_CA_KEY", "saas", "\\b(v1\\.0-[a-f0-9]{24}-[a-f0-9]{146})\\b", 1,
        "v1.0-");
    b.add("TENCENT_SECRET_ID", "saas", "\\b(AKID[A-Za-z0-9]{32})\\b", 1, 3.0, null, 0.95, 64,
        "akid");
    b.add("YANDEX_API_KEY", "saas", "\\b(AQVN[A-Za-z0-9_\\-]{35,38})\\b", 1, 3.0, null, 0.95, 64,
        "aqvn");
    b.add("BREVO_API_KEY", "saas", "\\b(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})\\b", 1, "xkeysib-");
    b.add("ADOBE_CLIENT_SECRET", "saas", "\\b(p8e-[A-Za-z0-9]{32})\\b", 1, 3.0, null, 0.95, 64,
        "p8e-");
    b.add("HUBSPOT_TOKEN", "saas",
        "\\b(pat-(?:na|eu)1-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})\\b", 1,
        "pat-na1-", "pat-eu1-");
    b.add("LANGSMITH_API_KEY", "ai", "\\b(lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})\\b", 1,
        "lsv2_");
    b.add("CLOJARS_TOKEN", "registry", "\\b(CLOJARS_[a-z0-9]{60})\\b", 1, "clojars_");
    b.add("DUFFEL_TOKEN", "commerce",
        "\\b(duffel_(?:test|live)_[A-Za-z0-9_\\-=]{43})(?:[^A-Za-z0-9_\\-=]|$)", 1, "duffel_");
    b.add("EASYPOST_KEY", "commerce", "\\b(EZ[AT]K[A-Za-z0-9]{54})\\b", 1, "ezak", "eztk");
    b.add("SHIPPO_TOKEN", "commerce", "\\b(shippo_(?:live|test)_[a-f0-9]{40})\\b", 1, "shippo_");
    b.add("PLAID_TOKEN", "commerce",
        "\\b(access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\b",
        1, "access-sandbox-", "access-development-", "access-production-");
    b.add("FLUTTERWAVE_KEY", "commerce", "\\b(FLWSECK(?:_TEST)?-[a-h0-9]{32}-X)\\b", 1, "flwseck");
    b.add("HARNESS_TOKEN", "ci",
        "\\b(pat\\.[A-Za-z0-9_\\-]{22}\\.[0-9a-f]{24}\\.[A-Za-z0-9]{20})\\b", 1, "pat.");
    b.add("INFRACOST_KEY", "ci", "\\b(ico-[A-Za-z0-9]{32})\\b", 1, 3.0, null, 0.95, 64, "ico-");
    b.add("OCTOPUS_DEPLOY_KEY", "ci", "\\b(API-[A-Z0-9]{26})\\b", 1, 3.0, null, 0.9, 64, "api-");
    b.add("GCP_OAUTH_TOKEN", "gcp", "\\b(1//0[A-Za-z0-9_\\-]{40,})", 1, 3.5, null, 0.95, 64,
        "1//0");
    b.add("SONARQUBE_TOKEN", "ci", "(?i:sonar[._]?login|sonar[._]?token)[\"'\\s]*(?:[:=,]|:=)?\\s*[\"']?\\s*[\"']?([a-f0-9]{40})\\b", 1,
        "sonar");
    b.add("JENKINS_CRUMB", "ci", "(?i:jenkins-crumb)\\s*:\\s*([a-f0-9]{32})\\b", 1, "jenkins-crumb");
    b.add("HASHICORP_VAULT_TOKEN", "vault", "(?i:vault[A-Za-z_\\-]*token)[\"'\\s:=]+([sbr]\\.[A-Za-z0-9_\\-]{24,})", 1,
        "vault");
    b.add("HASHICORP_VAULT_UNSEAL_KEY", "vault",
        "(?i:unseal(?: key \\d+:)?)\\s*([A-Za-z0-9+/]{43,44}=?)", 1, 3.5, null, 0.95, 200,
        "unseal");

    // --- keys, tokens and hashes with a structure of their own
    b.add("PRIVATE_KEY", "keys",
        "(-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----(?:[\\s\\S]*?-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\\s\\\\:,\\-]*))",
        1, 0, null, 0.99, 16384, "private key")
        .before(40);
    b.add("PRIVATE_KEY", "keys", "\\b(LS0tLS1CRUdJTi[A-Za-z0-9+/=]{40,})", 1, "ls0tls1crudjti");
    b.add("PRIVATE_KEY", "keys",
        "\\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\\b", 1, "age-secret-key-1");
    b.add("PRIVATE_KEY", "keys",
        "(?i:PrivateKey|PresharedKey)\\s*=\\s*([A-Za-z0-9+/]{43}=)", 1,
        "privatekey", "presharedkey");
    b.add("JWT", "jwt",
        "\\b(eyJ[A-Za-z0-9_\\-]{5,}\\.eyJ[A-Za-z0-9_\\-]{5,}\\.[A-Za-z0-9_\\-]*)", 1, 0,
        Validators::jwt, 0.95, 4096, "eyj");
    b.add("PASSWORD_HASH", "hash",
        "(\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}|\\$1\\$[./A-Za-z0-9]{1,8}\\$[./A-Za-z0-9]{22}|\\$5\\$(?:rounds=\\d+\\$)?[./A-Za-z0-9]{1,16}\\$[./A-Za-z0-9]{43}|\\$6\\$(?:rounds=\\d+\\$)?[./A-Za-z0-9]{1,16}\\$[./A-Za-z0-9]{86}|\\$8\\$[./A-Za-z0-9]{14}\\$[./A-Za-z0-9]{43})",
        1, "$2", "$1$", "$5$", "$6$", "$8$");
    b.add("PASSWORD_HASH", "hash",
        "(\\$krb5asrep\\$23\\$(?:[^:\\s$]+:)?[a-fA-F0-9]{32}\\$[a-fA-F0-9]{64,})", 1, 0, null, 0.99,
        4096, "$krb5asrep$");

    // --- credentials embedded in URLs, connection strings, headers and commands
    b.add("DB_CONNECTION_STRING", "connection",
        "\\b(?:[a-zA-Z][a-zA-Z0-9+.\\-]{1,20})://[^\\s:/@'\"]{0,128}:([^\\s:/@'\"]{3,128})@[^\\s/'\"]+",
        1, 0, Validators::notPlaceholder, 0.95, 256, "://")
        .before(24);
    b.add("CONNECTION_STRING_PASSWORD", "connection",
        "(?i:password|pwd)\\s*=\\s*([^;\\s\"'<>]{3,128})\\s*(?:;|\"|'|$)", 1, 0,
        Validators::notPlaceholder, 0.9, 256, "password=", "pwd=", "password =", "pwd =");
    b.add("HTTP_AUTH_HEADER", "http",
        "(?i:authorization)[\"']?\\s*[:=]\\s*[\"']?(?:Basic|Bearer|Token|Digest)\\s+([A-Za-z0-9+/=._\\-~]{12,})",
        1, 3.0, Validators::notPlaceholder, 0.95, 256, "authorization");
    b.add("HTTP_AUTH_HEADER", "http",
        "\\b(?:Basic|Bearer)\\s+([A-Za-z0-9+/=._\\-~]{20,})", 1, 3.5, Validators::notPlaceholder,
        0.9, 128, "bearer ", "basic ");
    // A Docker / registry config's "auth": base64 of "user:password", sent as Basic auth.
    b.add("HTTP_AUTH_HEADER", "http",
        "[\"']auth[\"']\\s*:\\s*[\"']([A-Za-z0-9+/]{8,}={0,2})[\"']", 1, 0,
        Validators::basicCredentials, 0.95, 256, "\"auth\"", "'auth'");
    b.add("NETRC_PASSWORD", "connection",
        "(?i:machine)\\s+\\S+\\s+(?:login|user(?:name)?)\\s+\\S+\\s+password\\s+(\\S+)", 1, 0,
        Validators::notPlaceholder, 0.95, 256, "machine");
    b.add("CLI_PASSWORD", "connection",
        "(?i:--?password(?:=|\\s+)|(?:psexec|sshpass)[^\\n]{0,200}?\\s-p\\s+)[\"']?([^\\s\"']{4,128})", 1, 0,
        Validators::notPlaceholder, 0.9, 256, "-password", "psexec", "sshpass");
    // mysql -pSECRET: the password glued to -p (a lone -p prompts for it).
    b.add("CLI_PASSWORD", "connection",
        "\\bmysql(?:dump|admin|import|show|check|slap)?\\b[^\\n]{0,120}?\\s-p(?:'([^'\\s]{4,128})'|\"([^\"\\s]{4,128})\"|([^\\s\"']{4,128}))(?:\\s|$)",
        -1, 0, Validators::notPlaceholder, 0.9, 256, "mysql");
    b.add("CLI_PASSWORD", "connection",
        "(?:docker|podman|helm|oras)\\s+(?:registry\\s+)?login\\b[^\\n]{0,120}?\\s-p\\s+[\"']?([^\\s\"']{4,128})",
        1, 0, Validators::notPlaceholder, 0.9, 256, "docker", "podman", "helm", "oras");
    b.add("CLI_PASSWORD", "connection",
        "(?:\\s-u|--user)\\s+[\"']?[^\\s:\"'@]{1,128}:([^\\s\"'@]{3,128})[\"']?(?:\\s|$)", 1, 0,
        Validators::notPlaceholder, 0.9, 256, "-u ", "--user");
    // XML and config elements: <password>…</password>, <api-key>…</api-key>.
    b.add("GENERIC_SECRET", "generic",
        "<(?:[A-Za-z0-9_.\\-]+:)?(?i:password|passwd|passphrase|secret|token|api[_.\\-]?key|apikey|client[_.\\-]?secret|access[_.\\-]?key|private[_.\\-]?key|auth[_.\\-]?token)>\\s*([^<\\s][^<]{2,127}?)\\s*</",
        1, 1.5, Validators::notPlaceholder, 0.85, 200, "password>", "passwd>", "passphrase>",
        "secret>", "token>", "key>", "apikey>")
        .before(48);
    b.add("CODE_CREDENTIAL", "connection",
        "(?i:NetworkCredential|DirectoryEntry)\\s*\\((?:[^,()]*,)?\\s*\"[^\"]*\"\\s*,\\s*\"([^\"]{3,128})\"",
        1, 0, Validators::notPlaceholder, 0.9, 256, "networkcredential", "directoryentry");

    // --- generic: credential-named keys with secret-looking values. The key word must start a
    // word (or follow '_', '.', '-' or a lower-case letter in camelCase); short words ("pass",
    // "pwd") must also end one, so "bypass" or "passenger" do not count.
    String words = "password|passwd|passphrase|secret|token|api[_.\\-]?key|apikey"
        + "|access[_.\\-]?key|auth[_.\\-]?key|private[_.\\-]?key|client[_.\\-]?secret"
        + "|credentials?|pass|pwd|pgpassword";
    String camel = "Password|Passwd|Passphrase|Secret|Token|ApiKey|Apikey|AccessKey|AuthKey"
        + "|PrivateKey|ClientSecret|Credentials?|Pass|Pwd";
    String key = "(?:(?:^|[^A-Za-z0-9])(?:[A-Za-z0-9]+[_.\\-])*(?i:" + words + ")|[a-z0-9](?:"
        + camel + "))(?:[_.\\-A-Z][A-Za-z0-9_.\\-]{0,24}?)?";
    b.add("GENERIC_SECRET", "generic", key + ASSIGN
            + "([^\\s\"'`,;\\\\()\\[\\]<>{}|][^\\s\"'`,;\\\\()\\[\\]<>{}|]{5,199})",
        1, 2.0, Validators::notPlaceholder, 0.8, 160, "password", "passwd", "passphrase", "pwd",
        "pass", "secret", "token", "apikey", "api_key", "api-key", "access_key", "accesskey",
        "auth_key", "credential", "private_key")
        .before(48)
        .assignment();
    // A quoted value never starts with ',' or ';': that is the gap between two strings
    // ("Password:",rememberMe…), not a value.
    b.add("GENERIC_SECRET", "generic", key
            + "\\\\?[\"']?\\s*(?:[:=]|:=|=>|->|!=|==)\\s*\\\\?(?:\"([^\",;\\n\\\\][^\"\\n\\\\]{3,127})\"|'([^',;\\n\\\\][^'\\n\\\\]{3,127})'|`([^`,;\\n][^`\\n]{3,127})`)",
        -1, 1.5, Validators::notPlaceholder, 0.8, 160, "password", "passwd", "passphrase", "pwd",
        "pass", "secret", "token", "apikey", "api_key", "api-key", "credential")
        .before(48)
        .assignment();
    // Quoted key and value as call arguments: put("api_key", "…"), field('API_KEY', '"…"').
    b.add("GENERIC_SECRET", "generic", key + "[\"']\\s*,\\s*[\"'`]{1,2}([A-Za-z0-9+/=_\\-]{16,128})[\"'`]",
        1, 3.3, Validators::notPlaceholder, 0.8, 160, "password", "passwd", "secret", "token",
        "apikey", "api_key", "api-key")
        .before(48);
    b.add("GENERIC_SECRET", "generic",
        "(?i:\\bpass(?:word|wd|phrase|code)?\\b)[^\\n]{0,40}?\\b(?i:is|was|to|as)\\s*:?\\s*(?:\"([^\"\\s]{3,64})\"|'([^'\\s]{3,64})'|`([^`\\s]{3,64})`)",
        -1, 1.5, Validators::notPlaceholder, 0.8, 160, "pass");
    // A passphrase of several words, quoted: "the passphrase is 'correct horse battery staple'".
    b.add("GENERIC_SECRET", "generic",
        "(?i:\\bpass ?phrase\\b)[^\\n]{0,40}?\\b(?i:is|was)\\s*:?\\s*(?:\"([^\"\\n]{8,64})\"|'([^'\\n]{8,64})'|`([^`\\n]{8,64})`)",
        -1, 2.5, Validators::notPlaceholder, 0.8, 160, "passphrase", "pass phrase");
    // A user and a password after a login label: "login: admin / Xq7!mP2#vL9" (not a URL's
    // "//user:pass@host/path", which DB_CONNECTION_STRING reads). Not triggered by "user" alone:
    // as common as it is, it made the secret rules 20 % slower on the synthetic mix.
    b.add("GENERIC_SECRET", "generic",
        "(?:^|[^/@:.\\w])(?i:(?:logins?|credentials?|creds|user ?name))\\s*[:=]\\s*[^\\s/:|,;@]{1,64}\\s*[/|]\\s*([^\\s\"'<>|]{6,64})",
        1, 0, Validators::credentialLike, 0.8, 160, "login", "credential", "creds", "username",
        "user name")
        .assignment();
    b.add("GENERIC_SECRET", "generic",
        "(?i:password|passwd)\\s+[\"']([^\"'\\s]{4,128})[\"']", 1, 0, Validators::notPlaceholder,
        0.8, 160, "password", "passwd");
    // Terraform / HCL: variable "db_password" { default = "…" }.
    b.add("GENERIC_SECRET", "generic",
        "(?i:variable)\\s+\"[^\"\\n]*(?i:password|passwd|secret|token|api_?key|credential)[^\"\\n]*\"\\s*\\{[^}]{0,120}?\\bdefault\\s*=\\s*\"([^\"\\n]{6,128})\"",
        1, 2.0, Validators::notPlaceholder, 0.85, 160, "password", "passwd", "secret", "token",
        "api_key", "apikey", "credential")
        .before(64);
    b.add("GENERIC_SECRET", "generic",
        "(?:[_.\\-]|\\b)(?i:key)\\b" + ASSIGN + "([A-Za-z0-9+/=_\\-]{16,128})(?:[^A-Za-z0-9+/=_\\-]|$)",
        1, 3.3, Validators::notPlaceholder, 0.8, 160, "key")
        .assignment();
    b.add("GENERIC_SECRET", "generic",
        "(?i:key)\\s*=\\s*\"[^\"]*(?i:password|secret|token|apikey|api_key)[^\"]*\"\\s+value\\s*=\\s*\"([^\"]{4,128})\"",
        1, 0, Validators::notPlaceholder, 0.85, 256, "value=", "value =")
        .before(120);
    return List.copyOf(b.list);
  }
}
