package io.guardstream.guard.classify;

import java.util.Arrays;

/**
 * Weighted, L2-regularised logistic regression fitted with L-BFGS. Full-batch and deterministic:
 * the same rows, weights and options always give the same model. Minimises
 * {@code sum_r c_r * log(1 + exp(-y_r * z_r)) / sum_r c_r + sum_i l2_i / 2 * w_i^2} where
 * {@code z_r = b + w . x_r}, {@code l2_i = l2} for positive weights and {@code l2 * negativeFactor}
 * for negative ones (still convex and smooth); the bias is not regularised.
 */
final class LogisticRegression {

  private static final int HISTORY = 10;
  private static final double ARMIJO = 1e-4;
  private static final int MAX_HALVINGS = 40;

  private final FeatureMatrix matrix;
  private final int[] rows;
  private final boolean[] positive;
  private final double[] weight;
  private final double l2;
  private final double negativeL2;
  private final int dim;

  /**
   * @param rows matrix rows to fit on
   * @param positive label of each of those rows
   * @param weight cost weight of each of those rows
   * @param negativeFactor multiplies {@code l2} for negative weights
   */
  LogisticRegression(FeatureMatrix matrix, int[] rows, boolean[] positive, double[] weight,
      double l2, double negativeFactor) {
    this.matrix = matrix;
    this.rows = rows;
    this.positive = positive;
    this.l2 = l2;
    this.negativeL2 = l2 * negativeFactor;
    this.dim = matrix.columns() + 1;
    double total = 0;
    for (double c : weight) {
      total += c;
    }
    this.weight = new double[weight.length];
    for (int i = 0; i < weight.length; i++) {
      this.weight[i] = weight[i] / total;
    }
  }

  /** Fitted coefficients: {@code [0, columns)} are the weights, the last entry is the bias. */
  double[] fit(int maxIterations, double tolerance) {
    double[] x = new double[dim];
    double[] g = new double[dim];
    double f = evaluate(x, g);
    double[][] s = new double[HISTORY][];
    double[][] y = new double[HISTORY][];
    double[] rho = new double[HISTORY];
    int stored = 0;
    int next = 0;
    double[] xNew = new double[dim];
    double[] gNew = new double[dim];
    double[] d = new double[dim];
    double[] alpha = new double[HISTORY];
    for (int iter = 0; iter < maxIterations; iter++) {
      // Two-loop recursion: d = -H g with the stored curvature pairs.
      for (int i = 0; i < dim; i++) {
        d[i] = -g[i];
      }
      for (int k = 0; k < stored; k++) {
        int j = Math.floorMod(next - 1 - k, HISTORY);
        alpha[j] = rho[j] * dotProduct(s[j], d);
        axpy(-alpha[j], y[j], d);
      }
      if (stored > 0) {
        int last = Math.floorMod(next - 1, HISTORY);
        scale(d, dotProduct(s[last], y[last]) / dotProduct(y[last], y[last]));
      } else {
        scale(d, 1.0 / Math.max(1e-12, Math.sqrt(dotProduct(g, g))));
      }
      for (int k = stored - 1; k >= 0; k--) {
        int j = Math.floorMod(next - 1 - k, HISTORY);
        double beta = rho[j] * dotProduct(y[j], d);
        axpy(alpha[j] - beta, s[j], d);
      }
      double slope = dotProduct(g, d);
      if (slope >= 0) { // not a descent direction: restart from steepest descent
        stored = 0;
        for (int i = 0; i < dim; i++) {
          d[i] = -g[i];
        }
        slope = dotProduct(g, d);
      }
      double step = 1;
      double fNew = Double.NaN;
      boolean accepted = false;
      for (int h = 0; h < MAX_HALVINGS; h++, step *= 0.5) {
        for (int i = 0; i < dim; i++) {
          xNew[i] = x[i] + step * d[i];
        }
        fNew = evaluate(xNew, gNew);
        if (fNew <= f + ARMIJO * step * slope) {
          accepted = true;
          break;
        }
      }
      if (!accepted) {
        break;
      }
      double[] sk = s[next] == null ? new double[dim] : s[next];
      double[] yk = y[next] == null ? new double[dim] : y[next];
      for (int i = 0; i < dim; i++) {
        sk[i] = xNew[i] - x[i];
        yk[i] = gNew[i] - g[i];
      }
      double sy = dotProduct(sk, yk);
      if (sy > 1e-12) {
        s[next] = sk;
        y[next] = yk;
        rho[next] = 1.0 / sy;
        next = (next + 1) % HISTORY;
        stored = Math.min(stored + 1, HISTORY);
      } else if (stored == HISTORY) {
        stored--; // slot `next` (the oldest pair) was overwritten without being stored
      }
      double change = f - fNew;
      System.arraycopy(xNew, 0, x, 0, dim);
      System.arraycopy(gNew, 0, g, 0, dim);
      f = fNew;
      if (change <= tolerance * Math.max(1.0, Math.abs(f))) {
        break;
      }
    }
    return x;
  }

  /** Objective at {@code x}; writes its gradient into {@code grad}. */
  private double evaluate(double[] x, double[] grad) {
    int bias = dim - 1;
    double loss = 0;
    Arrays.fill(grad, 0);
    double gradBias = 0;
    for (int i = 0; i < rows.length; i++) {
      double z = matrix.dot(rows[i], x, x[bias]);
      double margin = positive[i] ? z : -z;
      loss += weight[i] * softplus(-margin);
      // d/dz of log(1 + exp(-margin)) is -y * sigmoid(-margin)
      double dz = weight[i] * (positive[i] ? -1 : 1) * PromptAttackClassifier.sigmoid(-margin);
      if (dz != 0) {
        matrix.addTo(rows[i], dz, grad);
        gradBias += dz;
      }
    }
    double reg = 0;
    for (int i = 0; i < bias; i++) {
      double lambda = x[i] < 0 ? negativeL2 : l2;
      reg += lambda * x[i] * x[i];
      grad[i] += lambda * x[i];
    }
    grad[bias] = gradBias;
    return loss + 0.5 * reg;
  }

  private static double softplus(double t) {
    return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
  }

  private static double dotProduct(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static void scale(double[] x, double a) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= a;
    }
  }
}
