package io.guardstream.guard.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Machine-learned prompt-attack score: logistic regression over hashed character n-grams (3 to 5
 * by default) and word n-grams of a canonical form of the text (lower case, digits folded to 0,
 * whitespace collapsed). It recognises the intent of instruction overrides, jailbreak personas and
 * developer modes, system-prompt extraction and goal hijacking beyond fixed keywords.
 *
 * <p>The feature vector of a window is its feature counts divided by the square root of their
 * number, so a score reflects what a text says rather than how long it is. A text of up to
 * {@link #windowChars()} characters is scored whole; a longer text is scored as half-overlapping
 * windows of that size and gets the highest window score; past {@link #maxScanChars()} characters
 * only the first and the last half of that budget are read. Work per call is therefore bounded.
 *
 * <p>Instances are immutable and thread-safe. {@link #score} allocates a small accumulator (and a
 * few arrays for a text of several windows) and nothing per n-gram; overlapping windows are read
 * about once, not twice ({@link WindowChain}).
 */
public final class PromptAttackClassifier {

  /** Classpath resource (next to this class) holding the shipped default model. */
  static final String DEFAULT_RESOURCE = "prompt-attack-model.bin";

  private final Parameters parameters;
  private final FeatureHasher hasher;
  /** Quantised weights, summed as integers and scaled once per window: exact and cache-lean. */
  private final short[] weights;
  private final double weightScale;

  PromptAttackClassifier(Parameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.hasher = new FeatureHasher(
        parameters.bits(), parameters.charMin(), parameters.charMax(), parameters.wordMax());
    this.weights = parameters.quantisedWeights();
    if (weights.length != hasher.buckets()) {
      throw new IllegalArgumentException("weights do not match the hash size");
    }
    this.weightScale = parameters.weightScale();
  }

  /** The model shipped with guardstream, loaded once on first use. */
  public static PromptAttackClassifier loadDefault() {
    return DefaultModel.INSTANCE;
  }

  /** Loads a model written by {@code guardstream train} (or {@link #save}). */
  public static PromptAttackClassifier load(Path modelFile) {
    try (InputStream in = Files.newInputStream(modelFile)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read prompt-attack model " + modelFile, e);
    }
  }

  private static PromptAttackClassifier read(InputStream in) throws IOException {
    Parameters parameters = ModelCodec.read(in);
    try {
      return new PromptAttackClassifier(parameters);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt model: " + e.getMessage(), e);
    }
  }

  /** Writes this model in the format {@link #load} reads. */
  public void save(Path modelFile) throws IOException {
    try (OutputStream out = Files.newOutputStream(modelFile)) {
      ModelCodec.write(parameters, out);
    }
  }

  /**
   * Probability in [0, 1] that {@code text} is a prompt attack. Expects text the guard has already
   * normalised (NFKC, confusables, decoded obfuscation); never throws on any string content.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public double score(CharSequence text) {
    Objects.requireNonNull(text, "text");
    char[] chars = new char[text.length()];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = text.charAt(i);
    }
    return score(chars, chars.length);
  }

  /** {@link #score(CharSequence)} of {@code text[0, length)}, read in place. */
  public double score(char[] text, int length) {
    Objects.checkFromIndexSize(0, length, text.length);
    Accumulator acc = new Accumulator(text);
    TextWindows.forEach(CharBuffer.wrap(text, 0, length), parameters.windowChars(),
        parameters.maxScanChars(), acc);
    acc.chain.flush();
    return sigmoid(acc.best);
  }

  /** Decision threshold on {@link #score}: about 1% false positives on held-out benign text. */
  public double threshold() {
    return parameters.threshold();
  }

  /** Model id and training date, e.g. {@code pa-lr-2025-11-25}. */
  public String version() {
    return parameters.version();
  }

  /** Longest text scored as one window. */
  public int windowChars() {
    return parameters.windowChars();
  }

  /** Most characters read from one text: the first and the last half of this budget. */
  public int maxScanChars() {
    return parameters.maxScanChars();
  }

  Parameters parameters() {
    return parameters;
  }

  static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  /** Keeps the highest log-odds of the text's windows. */
  private final class Accumulator implements TextWindows.WindowSink, WindowChain.WindowSums {
    private final WindowChain chain;
    private double best = Double.NEGATIVE_INFINITY;

    Accumulator(char[] text) {
      this.chain = new WindowChain(hasher, weights, text, this);
    }

    @Override
    public void accept(int from, int to) {
      chain.add(from, to);
    }

    @Override
    public void accept(long weightSum, int features) {
      double z = parameters.bias()
          + (features == 0 ? 0 : weightScale * weightSum / Math.sqrt(features));
      best = Math.max(best, z);
    }
  }

  /**
   * Everything a model file holds. Weights are 16-bit integers times {@code weightScale}: training
   * quantises before it picks the threshold, so the threshold holds for the stored weights.
   */
  record Parameters(
      String version,
      int bits,
      int charMin,
      int charMax,
      int wordMax,
      int windowChars,
      int maxScanChars,
      double bias,
      double threshold,
      float weightScale,
      short[] quantisedWeights) {

    Parameters {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(quantisedWeights, "quantisedWeights");
      if (windowChars < 16 || maxScanChars < windowChars) {
        throw new IllegalArgumentException(
            "need 16 <= windowChars <= maxScanChars: " + windowChars + ", " + maxScanChars);
      }
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold);
      }
    }
  }

  /** Lazy holder: the default model is read on first use, once. */
  private static final class DefaultModel {
    static final PromptAttackClassifier INSTANCE = read();

    private static PromptAttackClassifier read() {
      try (InputStream in = PromptAttackClassifier.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("default prompt-attack model resource missing: "
              + DEFAULT_RESOURCE);
        }
        return PromptAttackClassifier.read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the default prompt-attack model", e);
      }
    }
  }
}
