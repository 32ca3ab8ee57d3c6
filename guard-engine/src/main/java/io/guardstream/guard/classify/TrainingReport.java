package io.guardstream.guard.classify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * What {@code guardstream train} measured: the model's settings, the data, k-fold cross-validation
 * (texts of every source in every fold), leave-one-source-out rounds (the whole training procedure,
 * threshold included, run without one source and tested on it) and held-out sources.
 *
 * @param model the trained model's settings and threshold
 * @param data texts per source
 * @param crossValidation out-of-fold metrics; its threshold is the model's threshold
 * @param leaveOneSourceOut per left-out source; null when not requested
 * @param holdout the final model on sources excluded from training; empty when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingReport(
    ModelInfo model,
    DataInfo data,
    Evaluation crossValidation,
    LeaveOneSourceOut leaveOneSourceOut,
    Map<String, SourceResult> holdout) {

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** The report as pretty-printed JSON (snake_case keys). */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Settings and size of the trained model. */
  public record ModelInfo(String version, int hashBits, String charNgrams, int wordNgramMax,
      int windowChars, int maxScanChars, double l2, double negativeL2Factor, double sourcePower,
      int nonZeroWeights, double threshold, double targetFpr) {}

  /** Training texts (held-out sources excluded) by label and source. */
  public record DataInfo(int texts, int attacks, int benign, Map<String, SourceResult> sources) {}

  /**
   * Out-of-fold metrics of k-fold cross-validation at the threshold chosen for the target FPR on
   * the out-of-fold benign scores.
   */
  public record Evaluation(int folds, double auc, double threshold, double recall, double fpr,
      double precision, double f1, Map<String, SourceResult> perSource) {}

  /**
   * Leave-one-source-out rounds: the held-out source's recall (attack sources) or FPR (benign
   * sources) at the threshold the round chose without it. A source that is the only one of its
   * class gets no round; summaries are null when no round of that class ran.
   */
  public record LeaveOneSourceOut(Map<String, SourceResult> sources, Double meanAttackRecall,
      Double minAttackRecall, Double meanBenignFpr, Double maxBenignFpr) {}

  /**
   * Result on one source: {@code label} is attack, benign or mixed; {@code recall} is over its
   * attack texts and {@code fpr} over its benign ones (each null when it has none); {@code auc}
   * (its attacks against the round's benign scores) and {@code threshold} where they apply.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SourceResult(String label, int texts, Double recall, Double fpr, Double auc,
      Double threshold) {

    static SourceResult count(String label, int texts) {
      return new SourceResult(label, texts, null, null, null, null);
    }
  }
}
