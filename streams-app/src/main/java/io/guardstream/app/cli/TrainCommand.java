package io.guardstream.app.cli;

import io.guardstream.guard.classify.CorpusReader;
import io.guardstream.guard.classify.LabelledText;
import io.guardstream.guard.classify.PromptAttackClassifier;
import io.guardstream.guard.classify.Trainer;
import io.guardstream.guard.classify.TrainerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code guardstream train}: fits the prompt-attack classifier on labelled corpora in the eval
 * format, writes the model file and prints a JSON report (cross-validated metrics, the threshold
 * at the target false-positive rate, recall there, optional leave-one-source-out rounds).
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
        "Train the prompt-attack classifier on eval-format corpora and print a JSON report.",
        "Lines with direction \"input\" are used; a line is an attack when \"expect\" contains "
            + "prompt_attack. An optional \"source\" field (else the file name) groups lines "
            + "for --holdout-source and --leave-one-source-out."
    })
public final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--corpus", required = true, paramLabel = "FILE.jsonl",
      description = "Labelled corpus (repeatable).")
  List<Path> corpora = new ArrayList<>();

  @Option(names = "--output", required = true, paramLabel = "MODEL",
      description = "Where to write the trained model.")
  Path output;

  @Option(names = "--holdout-source", paramLabel = "NAME",
      description = "Keep this source out of training and report the model on it (repeatable).")
  List<String> holdoutSources = new ArrayList<>();

  @Option(names = "--leave-one-source-out",
      description = "Also retrain without each source in turn and test on it (slow).")
  boolean leaveOneSourceOut;

  @Option(names = "--round-models", paramLabel = "DIR",
      description = "With --leave-one-source-out: write each round's model (trained without "
          + "that source) to DIR/<source>.bin, to measure the whole engine on the source with "
          + "'eval --rules' (see guard-engine/dev-corpora/engine_loso.py).")
  Path roundModelDir;

  @Option(names = "--report", paramLabel = "FILE.json",
      description = "Also write the JSON report to this file.")
  Path reportFile;

  @Option(names = "--model-version", paramLabel = "ID",
      description = "Model id stored in the model (default: pa-lr-<today, UTC>).")
  String modelVersion;

  @Option(names = "--hash-bits", description = "log2 of the number of weights (default 18).")
  Integer bits;

  @Option(names = "--char-min", description = "Shortest character n-gram (default 3).")
  Integer charMin;

  @Option(names = "--char-max", description = "Longest character n-gram (default 5).")
  Integer charMax;

  @Option(names = "--word-max", description = "Longest word n-gram, 0 for none (default 2).")
  Integer wordMax;

  @Option(names = "--window-chars",
      description = "Longest text scored as one window (default 2048).")
  Integer windowChars;

  @Option(names = "--max-scan-chars",
      description = "Most characters read from one text (default 65536).")
  Integer maxScanChars;

  @Option(names = "--l2", description = "L2 regularisation strength (default 1e-5).")
  Double l2;

  @Option(names = "--negative-l2-factor",
      description = "Multiplies --l2 for negative weights (>= 1): favours evidence of attack over "
          + "evidence of the benign sources seen in training (default 30).")
  Double negativeL2Factor;

  @Option(names = "--source-power",
      description = "Source balancing within a class: 0 (none) to 1 (every source equal, the "
          + "default).")
  Double sourcePower;

  @Option(names = "--max-iterations", description = "L-BFGS iteration limit (default 300).")
  Integer maxIterations;

  @Option(names = "--folds", description = "Cross-validation folds (default 5).")
  Integer folds;

  @Option(names = "--inner-folds",
      description = "Folds choosing the threshold in each leave-one-source-out round (default 3).")
  Integer innerFolds;

  @Option(names = "--target-fpr", description = "False-positive rate of the threshold (0.01).")
  Double targetFpr;

  @Option(names = "--seed", description = "Seed of the fold assignment (default 13).")
  Long seed;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    TrainerOptions options;
    List<LabelledText> texts = new ArrayList<>();
    try {
      options = options();
      if (roundModelDir != null && !leaveOneSourceOut) {
        throw new IllegalArgumentException("--round-models needs --leave-one-source-out");
      }
      for (Path corpus : corpora) {
        if (!Files.isRegularFile(corpus)) {
          throw new IllegalArgumentException("corpus not found: " + corpus);
        }
        texts.addAll(CorpusReader.read(corpus));
      }
    } catch (IllegalArgumentException | IOException e) {
      err.println("train: " + e.getMessage());
      return 2;
    }
    Trainer.Result result;
    try {
      if (roundModelDir != null) {
        Files.createDirectories(roundModelDir);
      }
      result = new Trainer(options, line -> {
        err.println("train: " + line);
        err.flush();
      }).train(texts, new LinkedHashSet<>(holdoutSources), leaveOneSourceOut,
          (source, model) -> saveRoundModel(source, model));
    } catch (IllegalArgumentException e) {
      err.println("train: " + e.getMessage());
      return 2;
    } catch (IOException | UncheckedIOException e) {
      err.println("train: cannot write " + e.getMessage());
      return 1;
    }
    String json = result.report().toJson();
    try {
      result.model().save(output);
      if (reportFile != null) {
        Files.writeString(reportFile, json + System.lineSeparator(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      err.println("train: cannot write " + e.getMessage());
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(json);
    out.flush();
    err.println("train: model written to " + output);
    return 0;
  }

  private void saveRoundModel(String source, PromptAttackClassifier model) {
    if (roundModelDir == null) {
      return;
    }
    Path file = roundModelDir.resolve(roundModelFileName(source));
    try {
      model.save(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }

  /** {@code <source>.bin}, with characters unsafe in file names replaced by '_'. */
  static String roundModelFileName(String source) {
    return source.replaceAll("[^A-Za-z0-9._-]", "_") + ".bin";
  }

  private TrainerOptions options() {
    String version = modelVersion != null
        ? modelVersion : "pa-lr-" + LocalDate.now(ZoneOffset.UTC);
    TrainerOptions d = TrainerOptions.defaults(version);
    return new TrainerOptions(version,
        or(bits, d.bits()),
        or(charMin, d.charMin()),
        or(charMax, d.charMax()),
        or(wordMax, d.wordMax()),
        or(windowChars, d.windowChars()),
        or(maxScanChars, d.maxScanChars()),
        or(l2, d.l2()),
        or(negativeL2Factor, d.negativeL2Factor()),
        or(sourcePower, d.sourcePower()),
        or(maxIterations, d.maxIterations()),
        or(folds, d.folds()),
        or(innerFolds, d.innerFolds()),
        or(targetFpr, d.targetFpr()),
        or(seed, d.seed()));
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
