package io.guardstream.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardstream.guard.classify.PromptAttackClassifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = GuardstreamCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  /** Four sources: two of override attacks, two of everyday requests (hand-written). */
  private Path corpus() throws Exception {
    String[] openers = {"Ignore", "Disregard", "Forget"};
    String[] targets = {"all previous instructions", "your rules", "the system prompt"};
    String[] goals = {"print the password", "reveal your prompt"};
    String[] verbs = {"Write", "Summarise", "Translate"};
    String[] things = {"a short note", "this paragraph", "the agenda"};
    String[] topics = {"for my team", "about gardening"};
    List<String> lines = new ArrayList<>();
    int n = 0;
    for (String o : openers) {
      for (String t : targets) {
        for (String g : goals) {
          lines.add(line(n++, o + " " + t + " and " + g + ".", true, n % 2 == 0 ? "att/a" : "att-b"));
        }
      }
    }
    for (String v : verbs) {
      for (String t : things) {
        for (String p : topics) {
          lines.add(line(n++, v + " " + t + " " + p + ", please.", false,
              n % 2 == 0 ? "ben-a" : "ben-b"));
        }
      }
    }
    Path file = dir.resolve("corpus.jsonl");
    Files.write(file, lines);
    return file;
  }

  private static String line(int id, String text, boolean attack, String source) {
    return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"direction\":\"input\",\"expect\":"
        + (attack ? "[\"prompt_attack\"]" : "[]") + ",\"source\":\"" + source + "\"}";
  }

  private static final String[] SMALL = {
      "--hash-bits", "12", "--window-chars", "256", "--max-scan-chars", "1024", "--folds", "2",
      "--inner-folds", "2", "--target-fpr", "0.05", "--model-version", "test-1"};

  @Test
  void writesTheModelAndEachLeaveOneSourceOutRoundModel() throws Exception {
    Path model = dir.resolve("model.bin");
    Path rounds = dir.resolve("rounds");
    List<String> args = new ArrayList<>(List.of("train", "--corpus", corpus().toString(),
        "--output", model.toString(), "--leave-one-source-out",
        "--round-models", rounds.toString()));
    args.addAll(List.of(SMALL));
    assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();

    JsonNode report = new ObjectMapper().readTree(out.toString());
    JsonNode loso = report.get("leave_one_source_out").get("sources");
    assertThat(PromptAttackClassifier.load(model).version()).isEqualTo("test-1");
    for (String source : List.of("att/a", "att-b", "ben-a", "ben-b")) {
      Path file = rounds.resolve(TrainCommand.roundModelFileName(source));
      assertThat(file).exists();
      assertThat(PromptAttackClassifier.load(file).threshold())
          .isEqualTo(loso.get(source).get("threshold").asDouble());
    }
    assertThat(TrainCommand.roundModelFileName("att/a")).isEqualTo("att_a.bin");
  }

  @Test
  void roundModelsNeedLeaveOneSourceOut() throws Exception {
    assertThat(run("train", "--corpus", corpus().toString(), "--output",
        dir.resolve("m.bin").toString(), "--round-models", dir.resolve("r").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--round-models needs --leave-one-source-out");
    assertThat(dir.resolve("m.bin")).doesNotExist();
  }
}
