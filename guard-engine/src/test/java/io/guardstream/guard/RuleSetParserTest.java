package io.guardstream.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetParserTest {

  private static final String VALID = """
      id: test
      version: "7"
      rules:
        - id: r1
          description: words
          applies_to: {direction: output}
          detector: {type: keywords, phrases: [forbidden thing]}
          category: restricted_content
          severity: low
          action: alert
          tags: [LLM02:2025, AML.T0057]
          scope: {tenants: [acme], apps: [chat]}
        - id: r2
          applies_to: {kinds: [prompt, tool_result]}
          detector: {type: regex, pattern: 'secret (plan|project)', view: normalized}
          category: prompt_attack
          severity: high
          action: block
          confidence: 0.6
          enabled: false
      """;

  @Test
  void parsesAValidDocument() {
    RuleSet set = RuleSetParser.parse(VALID, RuleSetParser.Format.YAML);
    assertThat(set.id()).isEqualTo("test");
    assertThat(set.version()).isEqualTo("7");
    Rule r1 = set.rules().get(0);
    assertThat(r1.kinds()).containsExactlyInAnyOrder(Kind.RESPONSE, Kind.TOOL_CALL);
    assertThat(r1.entityType()).isEqualTo("RESTRICTED_CONTENT");
    assertThat(r1.tenants()).containsExactly("acme");
    assertThat(r1.inScope("acme", "chat")).isTrue();
    assertThat(r1.inScope("other", "chat")).isFalse();
    assertThat(r1.inScope(null, "chat")).isFalse();
    Rule r2 = set.rules().get(1);
    assertThat(r2.kinds()).containsExactlyInAnyOrder(Kind.PROMPT, Kind.TOOL_RESULT);
    assertThat(r2.enabled()).isFalse();
    assertThat(r2.confidence()).isEqualTo(0.6);
  }

  @Test
  void parsesJson() {
    String json = """
        {"id": "j", "version": "1", "rules": [{"id": "t", "applies_to": {"kinds": ["tool_call"]},
          "detector": {"type": "tool_allowlist", "tools": ["search"]}, "category": "policy",
          "severity": "high", "action": "block"}]}
        """;
    assertThat(RuleSetParser.parse(json, RuleSetParser.Format.JSON).rules()).hasSize(1);
  }

  @Test
  void theBuiltInRuleSetIsValid() {
    RuleSet defaults = Fixtures.defaultsWithout();
    assertThat(defaults.rules()).extracting(Rule::id).doesNotHaveDuplicates()
        .contains("pa.instruction-override", "secret.credentials", "pii.contact",
            "pii.financial-id", "leak.system-prompt", "policy.document-access", "pa.classifier");
    assertThat(defaults.rules()).allSatisfy(r -> assertThat(r.tags()).isNotEmpty());
  }

  /** Each broken rule yields a message naming the rule and the field. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'  - {applies_to: {direction: input}, detector: {type: keywords, phrases: [x]}, category: pii, severity: low, action: alert}'|rules[0]: id: is required",
      "'  - {id: a, detector: {type: keywords, phrases: [x]}, category: pii, severity: low, action: alert}'|rule 'a': applies_to",
      "'  - {id: a, applies_to: {direction: sideways}, detector: {type: keywords, phrases: [x]}, category: pii, severity: low, action: alert}'|rule 'a': applies_to.direction",
      "'  - {id: a, applies_to: {kinds: [email]}, detector: {type: keywords, phrases: [x]}, category: pii, severity: low, action: alert}'|rule 'a': applies_to.kinds: unknown kind 'email'",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: keywords, phrases: [x]}, category: gossip, severity: low, action: alert}'|rule 'a': category",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: keywords, phrases: [x]}, category: pii, severity: huge, action: alert}'|rule 'a': severity",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: keywords, phrases: [x]}, category: pii, severity: low, action: explode}'|rule 'a': action",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: keywords, phrases: [x]}, category: pii, severity: low, action: alert, tags: [CWE-79]}'|rule 'a': tags",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: keywords, phrases: [x]}, category: pii, severity: low, action: alert, confidence: 2}'|rule 'a': confidence",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: keywords, phrases: [x]}, category: pii, severity: low, action: alert, enabled: maybe}'|rule 'a': enabled",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: keywords, phrases: [x]}, category: pii, severity: low, action: alert, scope: {teams: [x]}}'|rule 'a': scope: teams: unknown field",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: keywords, phrases: [x]}, category: pii, severity: low, action: alert, colour: red}'|rule 'a': colour: unknown field",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: telepathy}, category: pii, severity: low, action: alert}'|rule 'a': detector.type: unknown detector type 'telepathy'",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: regex, pattern: \"(unclosed\"}, category: pii, severity: low, action: alert}'|rule 'a': detector.pattern: invalid RE2 syntax",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: regex, pattern: \"(a)\\\\1\"}, category: pii, severity: low, action: alert}'|rule 'a': detector.pattern",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: regex, pattern: x, flavour: pcre}, category: pii, severity: low, action: alert}'|rule 'a': detector.flavour: unknown parameter",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: regex, pattern: x, anchored: true}, category: pii, severity: low, action: alert}'|rule 'a': detector.anchored",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: regex, pattern: x, validator: crc99}, category: pii, severity: low, action: alert}'|rule 'a': detector.validator: unknown validator",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: keywords}, category: pii, severity: low, action: alert}'|rule 'a': detector.phrases: is required",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: secrets, families: [martian]}, category: pii, severity: low, action: alert}'|rule 'a': detector.families: unknown family 'martian'",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: pii, types: [DNA]}, category: pii, severity: low, action: alert}'|rule 'a': detector.types: unknown PII type 'DNA'",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: evasion, signal: telepathy}, category: pii, severity: low, action: alert}'|rule 'a': detector.signal",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: document_access, labels: {secret: admin}}, category: pii, severity: low, action: alert}'|rule 'a': detector.labels.secret",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: prompt_leak, min_fraction: 3}, category: pii, severity: low, action: alert}'|rule 'a': detector.min_fraction",
      "'  - {id: a, applies_to: {direction: input}, detector: {type: tool_allowlist}, category: pii, severity: low, action: alert}'|rule 'a': detector.tools: is required",
      "'  - {id: \"bad id!\", applies_to: {direction: input}, detector: {type: keywords, phrases: [x]}, category: pii, severity: low, action: alert}'|rule 'bad id!': id",
  })
  void reportsEachValidationError(String ruleYaml, String expected) {
    String doc = "id: s\nversion: \"1\"\nrules:\n" + ruleYaml + "\n";
    assertThatThrownBy(() -> RuleSetParser.parse(doc, RuleSetParser.Format.YAML))
        .isInstanceOf(RuleSetValidationException.class)
        .satisfies(e -> assertThat(((RuleSetValidationException) e).errors())
            .anyMatch(m -> m.startsWith(expected.split(":")[0]) && m.contains(expected)));
  }

  @Test
  void duplicateIdsAndDocumentLevelErrors() {
    String rule = "  - {id: a, applies_to: {direction: input}, detector: {type: keywords, phrases: [x]},"
        + " category: pii, severity: low, action: alert}\n";
    assertThatThrownBy(() -> RuleSetParser.parse("id: s\nversion: '1'\nrules:\n" + rule + rule,
        RuleSetParser.Format.YAML))
        .hasMessageContaining("rule 'a': id: duplicate rule id");
    assertThatThrownBy(() -> RuleSetParser.parse("version: '1'\nrules: []", RuleSetParser.Format.YAML))
        .hasMessageContaining("rule set: id: is required");
    assertThatThrownBy(() -> RuleSetParser.parse("id: s\nversion: '1'\nrules: {}", RuleSetParser.Format.YAML))
        .hasMessageContaining("rules: must be a list");
    assertThatThrownBy(() -> RuleSetParser.parse("id: [unclosed", RuleSetParser.Format.YAML))
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> RuleSetParser.parse("{\"id\": ", RuleSetParser.Format.JSON))
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> RuleSetParser.parse("- just a list", RuleSetParser.Format.YAML))
        .hasMessageContaining("must be a mapping");
  }

  @Test
  void oneBadRuleRejectsTheWholeSetAndAllErrorsAreListed() {
    String doc = """
        id: s
        version: "1"
        rules:
          - {id: good, applies_to: {direction: input}, detector: {type: keywords, phrases: [x]}, category: pii, severity: low, action: alert}
          - {id: bad1, applies_to: {direction: input}, detector: {type: keywords, phrases: [x]}, category: nope, severity: low, action: alert}
          - {id: bad2, applies_to: {direction: input}, detector: {type: regex, pattern: "("}, category: pii, severity: low, action: alert}
        """;
    assertThatThrownBy(() -> RuleSetParser.parse(doc, RuleSetParser.Format.YAML))
        .isInstanceOfSatisfying(RuleSetValidationException.class, e -> assertThat(e.errors())
            .hasSize(2)
            .anyMatch(m -> m.startsWith("rule 'bad1': category"))
            .anyMatch(m -> m.startsWith("rule 'bad2': detector.pattern")));
  }

  @Test
  void engineRejectsProgrammaticRulesWithBadParameters() {
    Rule rule = new Rule("x", "", java.util.Set.of(Kind.PROMPT), "regex",
        java.util.Map.of("pattern", "("), "pii", "PII", Severity.LOW, Action.ALERT, 1.0,
        List.of(), true, null, null);
    assertThatThrownBy(() -> GuardEngine.create(new RuleSet("s", "1", List.of(rule)),
        GuardOptions.defaults()))
        .isInstanceOf(RuleSetValidationException.class)
        .hasMessageContaining("rule 'x': detector.pattern");
  }
}
