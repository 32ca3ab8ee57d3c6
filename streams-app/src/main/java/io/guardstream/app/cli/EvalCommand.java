package io.guardstream.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.guardstream.guard.GuardEngine;
import io.guardstream.guard.GuardOptions;
import io.guardstream.guard.RuleSet;
import io.guardstream.guard.RuleSetParser;
import io.guardstream.guard.RuleSetValidationException;
import io.guardstream.guard.eval.CorpusEvent;
import io.guardstream.guard.eval.CorpusReader;
import io.guardstream.guard.eval.Evaluator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code guardstream eval}: scores a rule set on a labelled corpus (DESIGN.md contract). */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
        "Scores a guard rule set on a labelled JSONL corpus and prints one JSON object:",
        "per category (prompt_attack, secret, pii, prompt_leak) tp, fp, fn, tn, precision,",
        "recall, f1, fpr; recall at 1%% FPR for prompt_attack; span precision/recall/f1",
        "(overlap-based, type-agnostic) where spans are given; events/s and MB/s.",
        "Corpus lines: {\"id\", \"text\", \"direction\": \"input\"|\"output\", \"expect\": [...],",
        "\"spans\": [{\"start\",\"end\",\"type\"}] (optional), \"system_prompt\" (optional)}."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:report printed", "1:I/O error", "2:invalid corpus or rule set"})
public final class EvalCommand implements Callable<Integer> {

  @Option(names = "--corpus", required = true, paramLabel = "FILE.jsonl",
      description = "Labelled corpus, one JSON event per line.")
  Path corpus;

  @Option(names = "--predictions", paramLabel = "OUT.jsonl",
      description = "Also write {\"id\", \"scores\", \"flags\"} per event to this file.")
  Path predictions;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "Rule set to evaluate (YAML, or JSON if the name ends in .json);"
          + " default: the built-in rule set.")
  Path rules;

  @Option(names = "--span-types", split = ",", paramLabel = "TYPE",
      description = "Score spans only of these entity types (e.g. EMAIL,PHONE_NUMBER).")
  Set<String> spanTypes;

  @Option(names = "--threshold", paramLabel = "SCORE",
      description = "prompt_attack decision threshold (default ${DEFAULT-VALUE}).",
      defaultValue = "0.5")
  double threshold;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GuardEngine engine;
    try {
      RuleSet ruleSet = rules == null ? RuleSet.defaults() : RuleSetParser.parse(
          Files.readString(rules, StandardCharsets.UTF_8),
          rules.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
              ? RuleSetParser.Format.JSON : RuleSetParser.Format.YAML);
      engine = GuardEngine.create(ruleSet,
          GuardOptions.defaults().withPromptAttackThreshold(threshold));
    } catch (RuleSetValidationException e) {
      e.errors().forEach(m -> err.println("invalid rule set: " + m));
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("eval: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("eval: cannot read rules: " + e.getMessage());
      return 1;
    }
    List<CorpusEvent> events;
    try {
      events = CorpusReader.read(corpus);
    } catch (CorpusReader.CorpusFormatException e) {
      err.println("invalid corpus: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("eval: cannot read corpus: " + e.getMessage());
      return 1;
    }
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter pred = predictions == null
        ? null : Files.newBufferedWriter(predictions, StandardCharsets.UTF_8)) {
      Evaluator evaluator = new Evaluator(engine, spanTypes);
      Map<String, Object> report = evaluator.evaluate(events, p -> {
        if (pred != null) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("id", p.id());
          line.put("scores", p.scores());
          line.put("flags", p.flags());
          pred.write(json.writeValueAsString(line));
          pred.newLine();
        }
      });
      out.println(json.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
      out.flush();
      return 0;
    } catch (IOException e) {
      err.println("eval: " + e.getMessage());
      return 1;
    }
  }
}
