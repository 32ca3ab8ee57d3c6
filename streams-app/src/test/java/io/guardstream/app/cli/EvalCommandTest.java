package io.guardstream.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = GuardstreamCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void helpDescribesTheContract() {
    assertThat(run("eval", "--help")).isZero();
    assertThat(out.toString()).contains("--corpus", "--predictions", "--rules", "recall");
  }

  @Test
  void printsOneJsonReportAndWritesPredictions() throws Exception {
    Path corpus = dir.resolve("c.jsonl");
    Files.write(corpus, List.of(
        "{\"id\":\"1\",\"text\":\"mail me at ann@example.com\",\"direction\":\"output\",\"expect\":[\"pii\"]}",
        "{\"id\":\"2\",\"text\":\"hello there\",\"direction\":\"output\",\"expect\":[]}"));
    Path rules = dir.resolve("rules.yaml");
    Files.writeString(rules, """
        id: only-pii
        version: "1"
        rules:
          - id: pii
            applies_to: {direction: output}
            detector: {type: pii}
            category: pii
            severity: high
            action: redact
        """);
    Path preds = dir.resolve("p.jsonl");
    assertThat(run("eval", "--corpus", corpus.toString(), "--rules", rules.toString(),
        "--predictions", preds.toString())).isZero();
    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(report.get("rule_set_version").asText()).isEqualTo("1");
    assertThat(report.get("pii").get("tp").asInt()).isEqualTo(1);
    assertThat(report.get("pii").get("tn").asInt()).isEqualTo(1);
    assertThat(report.has("events_per_s")).isTrue();
    List<String> lines = Files.readAllLines(preds);
    assertThat(lines).hasSize(2);
    assertThat(new ObjectMapper().readTree(lines.get(0)).get("flags").get(0).asText()).isEqualTo("pii");
  }

  @Test
  void invalidRulesAndCorporaExitWithTwoAndSayWhy() throws Exception {
    Path corpus = dir.resolve("c.jsonl");
    Files.writeString(corpus, "{\"id\":\"1\",\"text\":\"x\",\"direction\":\"up\"}\n");
    assertThat(run("eval", "--corpus", corpus.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("invalid corpus").contains("direction");
    Path rules = dir.resolve("bad.yaml");
    Files.writeString(rules, "id: x\nversion: '1'\nrules:\n  - {id: r}\n");
    assertThat(run("eval", "--corpus", corpus.toString(), "--rules", rules.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("invalid rule set: rule 'r'");
  }
}
