package io.guardstream.guard.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Trains a {@link PromptAttackClassifier} and measures it. The threshold is chosen from
 * out-of-fold scores (k-fold cross-validation), never from scores of texts the model was fitted
 * on, so it holds for unseen benign text of the kinds trained on. Fully deterministic for given
 * texts and options.
 */
public final class Trainer {

  private static final double TOLERANCE = 1e-7;

  private final TrainerOptions options;
  private final FeatureHasher hasher;
  private final Consumer<String> progress;

  /**
   * @param progress receives one line per fitting step (for a console); may ignore them
   */
  public Trainer(TrainerOptions options, Consumer<String> progress) {
    this.options = Objects.requireNonNull(options, "options");
    this.hasher = new FeatureHasher(
        options.bits(), options.charMin(), options.charMax(), options.wordMax());
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** A trained model with what was measured while training it. */
  public record Result(PromptAttackClassifier model, TrainingReport report) {}

  /**
   * Cross-validates on all texts whose source is not in {@code holdoutSources}, fits the model on
   * them with the cross-validated threshold, then scores the held-out sources with it.
   *
   * @param leaveOneSourceOut also run one round per training source without that source
   */
  public Result train(List<LabelledText> texts, Set<String> holdoutSources,
      boolean leaveOneSourceOut) {
    return train(texts, holdoutSources, leaveOneSourceOut, (source, model) -> { });
  }

  /**
   * As {@link #train(List, Set, boolean)}, and hands each leave-one-source-out round's model
   * (fitted without that source, with the threshold the round chose) to {@code roundModels}, so
   * the whole guard engine can be measured on the source with it.
   */
  public Result train(List<LabelledText> texts, Set<String> holdoutSources,
      boolean leaveOneSourceOut, BiConsumer<String, PromptAttackClassifier> roundModels) {
    Objects.requireNonNull(roundModels, "roundModels");
    Corpus corpus = new Corpus(texts);
    List<Integer> trainList = new ArrayList<>();
    Map<String, List<Integer>> holdout = new TreeMap<>();
    for (int t = 0; t < texts.size(); t++) {
      String source = texts.get(t).source();
      if (holdoutSources.contains(source)) {
        holdout.computeIfAbsent(source, s -> new ArrayList<>()).add(t);
      } else {
        trainList.add(t);
      }
    }
    for (String source : holdoutSources) {
      if (!holdout.containsKey(source)) {
        throw new IllegalArgumentException("no texts from held-out source " + source);
      }
    }
    int[] train = toArray(trainList);
    corpus.requireBothClasses(train, "training");

    progress.accept("cross-validating on " + train.length + " texts, " + options.folds()
        + " folds");
    double[] oof = corpus.outOfFold(train, options.folds());
    double threshold = corpus.thresholdFor(train, oof);
    TrainingReport.Evaluation cv = corpus.evaluation(train, oof, threshold);

    progress.accept("fitting the model on all " + train.length + " texts");
    PromptAttackClassifier model = corpus.fit(train, threshold);

    Map<String, TrainingReport.SourceResult> held = new LinkedHashMap<>();
    holdout.forEach((source, list) ->
        held.put(source, corpus.sourceResult(model, toArray(list), threshold, null)));

    TrainingReport.LeaveOneSourceOut loso =
        leaveOneSourceOut ? corpus.leaveOneSourceOut(train, roundModels) : null;

    TrainingReport report = new TrainingReport(
        modelInfo(model), corpus.dataInfo(train), cv, loso, held);
    return new Result(model, report);
  }

  private TrainingReport.ModelInfo modelInfo(PromptAttackClassifier model) {
    int nonZero = 0;
    for (short q : model.parameters().quantisedWeights()) {
      if (q != 0) {
        nonZero++;
      }
    }
    return new TrainingReport.ModelInfo(options.version(), options.bits(),
        options.charMin() + "-" + options.charMax(), options.wordMax(), options.windowChars(),
        options.maxScanChars(), options.l2(), options.negativeL2Factor(), options.sourcePower(),
        nonZero, model.threshold(), options.targetFpr());
  }

  private static int[] toArray(Collection<Integer> list) {
    int[] out = new int[list.size()];
    int i = 0;
    for (int v : list) {
      out[i++] = v;
    }
    return out;
  }

  /** The texts with their hashed features, and every fit and measurement over subsets of them. */
  private final class Corpus {
    private final List<LabelledText> texts;
    private final FeatureMatrix matrix;

    Corpus(List<LabelledText> texts) {
      this.texts = texts;
      this.matrix = FeatureMatrix.build(
          texts, hasher, options.windowChars(), options.maxScanChars());
    }

    void requireBothClasses(int[] subset, String what) {
      if (!hasBothClasses(subset)) {
        throw new IllegalArgumentException(
            what + " texts need both attacks and benign texts (direction input)");
      }
    }

    boolean hasBothClasses(int[] subset) {
      boolean attack = false;
      boolean benign = false;
      for (int t : subset) {
        attack |= texts.get(t).attack();
        benign |= !texts.get(t).attack();
      }
      return attack && benign;
    }

    /** Fits on {@code subset} and quantises, so the result scores exactly as when reloaded. */
    PromptAttackClassifier fit(int[] subset, double threshold) {
      double[] textWeight = textWeights(subset);
      int rowCount = 0;
      for (int t : subset) {
        rowCount += matrix.endRow(t) - matrix.firstRow(t);
      }
      int[] rows = new int[rowCount];
      boolean[] positive = new boolean[rowCount];
      double[] weight = new double[rowCount];
      int r = 0;
      for (int i = 0; i < subset.length; i++) {
        int t = subset[i];
        int first = matrix.firstRow(t);
        int end = matrix.endRow(t);
        for (int row = first; row < end; row++) {
          rows[r] = row;
          positive[r] = texts.get(t).attack();
          weight[r] = textWeight[i] / (end - first); // a text weighs the same however long
          r++;
        }
      }
      double[] x = new LogisticRegression(matrix, rows, positive, weight, options.l2(),
        options.negativeL2Factor())
          .fit(options.maxIterations(), TOLERANCE);
      return quantise(x, threshold);
    }

    /** Equal total weight per class; within a class, texts of large sources weigh less. */
    private double[] textWeights(int[] subset) {
      Map<String, Integer> sourceSize = new HashMap<>();
      for (int t : subset) {
        sourceSize.merge(texts.get(t).source(), 1, Integer::sum);
      }
      double[] w = new double[subset.length];
      double[] classTotal = new double[2];
      for (int i = 0; i < subset.length; i++) {
        LabelledText text = texts.get(subset[i]);
        w[i] = Math.pow(sourceSize.get(text.source()), -options.sourcePower());
        classTotal[text.attack() ? 1 : 0] += w[i];
      }
      for (int i = 0; i < subset.length; i++) {
        w[i] /= classTotal[texts.get(subset[i]).attack() ? 1 : 0];
      }
      return w;
    }

    private PromptAttackClassifier quantise(double[] x, double threshold) {
      int columns = matrix.columns();
      double maxAbs = 0;
      for (int i = 0; i < columns; i++) {
        maxAbs = Math.max(maxAbs, Math.abs(x[i]));
      }
      float scale = maxAbs == 0 ? 1f : (float) (maxAbs / Short.MAX_VALUE);
      short[] q = new short[columns];
      for (int i = 0; i < columns; i++) {
        q[i] = (short) Math.round(x[i] / scale);
      }
      return new PromptAttackClassifier(new PromptAttackClassifier.Parameters(options.version(),
          options.bits(), options.charMin(), options.charMax(), options.wordMax(),
          options.windowChars(), options.maxScanChars(), x[columns], threshold, scale, q));
    }

    /** Scores of {@code subset} (same order), each from a model that did not see its text. */
    double[] outOfFold(int[] subset, int folds) {
      int[] fold = stratifiedFolds(subset, folds);
      double[] scores = new double[subset.length];
      for (int f = 0; f < folds; f++) {
        List<Integer> fit = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < subset.length; i++) {
          (fold[i] == f ? test : fit).add(i);
        }
        int[] fitTexts = new int[fit.size()];
        for (int k = 0; k < fitTexts.length; k++) {
          fitTexts[k] = subset[fit.get(k)];
        }
        PromptAttackClassifier model = fit(fitTexts, 0.5);
        for (int i : test) {
          scores[i] = model.score(texts.get(subset[i]).text());
        }
        progress.accept("  fold " + (f + 1) + "/" + folds + " done");
      }
      return scores;
    }

    /** Fold of each subset position: shuffled with the seed, dealt out per class. */
    private int[] stratifiedFolds(int[] subset, int folds) {
      List<Integer> attacks = new ArrayList<>();
      List<Integer> benign = new ArrayList<>();
      for (int i = 0; i < subset.length; i++) {
        (texts.get(subset[i]).attack() ? attacks : benign).add(i);
      }
      Random random = new Random(options.seed());
      Collections.shuffle(attacks, random);
      Collections.shuffle(benign, random);
      int[] fold = new int[subset.length];
      for (int k = 0; k < attacks.size(); k++) {
        fold[attacks.get(k)] = k % folds;
      }
      for (int k = 0; k < benign.size(); k++) {
        fold[benign.get(k)] = k % folds;
      }
      return fold;
    }

    double thresholdFor(int[] subset, double[] scores) {
      return ScoreMetrics.thresholdAtFpr(select(subset, scores, false), options.targetFpr());
    }

    /** The scores of {@code subset} positions whose label is {@code attack}. */
    private double[] select(int[] subset, double[] scores, boolean attack) {
      return IntStream.range(0, subset.length)
          .filter(i -> texts.get(subset[i]).attack() == attack)
          .mapToDouble(i -> scores[i]).toArray();
    }

    TrainingReport.Evaluation evaluation(int[] subset, double[] scores, double threshold) {
      double[] attack = select(subset, scores, true);
      double[] benign = select(subset, scores, false);
      double recall = ScoreMetrics.flaggedFraction(attack, threshold);
      double fpr = ScoreMetrics.flaggedFraction(benign, threshold);
      double tp = recall * attack.length;
      double fp = fpr * benign.length;
      double precision = tp + fp == 0 ? 1 : tp / (tp + fp);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      Map<String, TrainingReport.SourceResult> perSource = new TreeMap<>();
      for (Map.Entry<String, int[]> e : bySource(subset).entrySet()) {
        int[] sourceTexts = Arrays.stream(e.getValue()).map(i -> subset[i]).toArray();
        double[] s = Arrays.stream(e.getValue()).mapToDouble(i -> scores[i]).toArray();
        perSource.put(e.getKey(), result(sourceTexts, s, threshold, null));
      }
      return new TrainingReport.Evaluation(options.folds(), ScoreMetrics.auc(attack, benign),
          threshold, recall, fpr, precision, f1, perSource);
    }

    /** Subset positions per source. */
    private Map<String, int[]> bySource(int[] subset) {
      Map<String, List<Integer>> lists = new TreeMap<>();
      for (int i = 0; i < subset.length; i++) {
        lists.computeIfAbsent(texts.get(subset[i]).source(), s -> new ArrayList<>()).add(i);
      }
      Map<String, int[]> out = new TreeMap<>();
      lists.forEach((source, list) -> out.put(source, toArray(list)));
      return out;
    }

    TrainingReport.SourceResult sourceResult(PromptAttackClassifier model, int[] sourceTexts,
        double threshold, double[] benignReference) {
      double[] s = new double[sourceTexts.length];
      for (int i = 0; i < s.length; i++) {
        s[i] = model.score(texts.get(sourceTexts[i]).text());
      }
      return result(sourceTexts, s, threshold, benignReference);
    }

    /**
     * Recall over a source's attacks and FPR over its benign texts (a source may hold both);
     * with a benign reference, also the AUC of its attacks against it.
     */
    private TrainingReport.SourceResult result(int[] sourceTexts, double[] scores,
        double threshold, double[] benignReference) {
      double[] attack = IntStream.range(0, scores.length)
          .filter(i -> texts.get(sourceTexts[i]).attack()).mapToDouble(i -> scores[i]).toArray();
      double[] benign = IntStream.range(0, scores.length)
          .filter(i -> !texts.get(sourceTexts[i]).attack()).mapToDouble(i -> scores[i]).toArray();
      Double recall = attack.length == 0 ? null : ScoreMetrics.flaggedFraction(attack, threshold);
      Double fpr = benign.length == 0 ? null : ScoreMetrics.flaggedFraction(benign, threshold);
      Double auc = attack.length > 0 && benignReference != null
          ? ScoreMetrics.auc(attack, benignReference) : null;
      return new TrainingReport.SourceResult(label(attack.length, benign.length), scores.length,
          recall, fpr, auc, benignReference == null ? null : threshold);
    }

    TrainingReport.LeaveOneSourceOut leaveOneSourceOut(int[] train,
        BiConsumer<String, PromptAttackClassifier> roundModels) {
      Map<String, TrainingReport.SourceResult> results = new TreeMap<>();
      List<Double> recalls = new ArrayList<>();
      List<Double> fprs = new ArrayList<>();
      for (Map.Entry<String, int[]> e : bySource(train).entrySet()) {
        String source = e.getKey();
        int[] out = Arrays.stream(e.getValue()).map(i -> train[i]).toArray();
        boolean[] left = new boolean[texts.size()];
        for (int t : out) {
          left[t] = true;
        }
        int[] rest = Arrays.stream(train).filter(t -> !left[t]).toArray();
        if (!hasBothClasses(rest)) {
          progress.accept("not leaving out " + source + ": the rest would lack a class");
          continue;
        }
        progress.accept("leaving out " + source + " (" + out.length + " texts)");
        double[] inner = outOfFold(rest, options.innerFolds());
        double threshold = thresholdFor(rest, inner);
        PromptAttackClassifier model = fit(rest, threshold);
        roundModels.accept(source, model);
        TrainingReport.SourceResult r =
            sourceResult(model, out, threshold, select(rest, inner, false));
        results.put(source, r);
        if (r.recall() != null) {
          recalls.add(r.recall());
        }
        if (r.fpr() != null) {
          fprs.add(r.fpr());
        }
      }
      return new TrainingReport.LeaveOneSourceOut(results, mean(recalls), min(recalls),
          mean(fprs), max(fprs));
    }

    TrainingReport.DataInfo dataInfo(int[] subset) {
      Map<String, TrainingReport.SourceResult> sources = new TreeMap<>();
      for (Map.Entry<String, int[]> e : bySource(subset).entrySet()) {
        int sourceAttacks = 0;
        for (int i : e.getValue()) {
          sourceAttacks += texts.get(subset[i]).attack() ? 1 : 0;
        }
        int n = e.getValue().length;
        sources.put(e.getKey(), TrainingReport.SourceResult.count(
            label(sourceAttacks, n - sourceAttacks), n));
      }
      int attacks = 0;
      for (int t : subset) {
        attacks += texts.get(t).attack() ? 1 : 0;
      }
      return new TrainingReport.DataInfo(subset.length, attacks, subset.length - attacks, sources);
    }
  }

  private static String label(int attacks, int benign) {
    return attacks > 0 && benign > 0 ? "mixed" : attacks > 0 ? "attack" : "benign";
  }

  private static Double mean(List<Double> values) {
    return values.isEmpty() ? null
        : values.stream().mapToDouble(Double::doubleValue).average().getAsDouble();
  }

  private static Double min(List<Double> values) {
    return values.isEmpty() ? null
        : values.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
  }

  private static Double max(List<Double> values) {
    return values.isEmpty() ? null
        : values.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
  }
}
