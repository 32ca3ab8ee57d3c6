package io.guardstream.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares two builds of the guard engine in one JVM: each is loaded by a class loader of its own
 * and runs {@link GuardEngineBenchmark}'s traffic in alternating batches. On a shared machine,
 * whose speed drifts by 10-20 % between JMH runs, the drift then hits both builds alike, and a
 * difference of 1-2 % shows.
 *
 * <pre>
 * java [-Drules=RULES.yaml] -cp benchmarks/target/benchmarks.jar io.guardstream.bench.EngineAB \
 *     A_CLASSES_DIR B_CLASSES_DIR [defaults|rules-only] [mix|fixed2k|corpus:FILE[,FILE]]
 * </pre>
 *
 * <p>{@code -Drules} runs a rule set of one's own instead of the defaults, for instance a few
 * rules cut from them, so a change to one detector shows apart from the rest.
 */
public final class EngineAB {
  private static final int BATCH = 2048;
  private static final int WARMUP_ROUNDS = 10;
  private static final int ROUNDS = 40;

  private EngineAB() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: EngineAB A_CLASSES_DIR B_CLASSES_DIR [defaults|rules-only]"
          + " [mix|fixed2k|corpus:FILE[,FILE]]");
      System.exit(2);
    }
    String ruleSet = args.length > 2 ? args[2] : "defaults";
    String traffic = args.length > 3 ? args[3] : "mix";
    File jar = new File(EngineAB.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<URL> shared = new ArrayList<>();
    shared.add(jar.toURI().toURL());
    File[] libs = new File(jar.getParentFile(), "lib").listFiles();
    if (libs == null) {
      throw new IllegalStateException("no lib/ next to " + jar + ": run it from benchmarks.jar");
    }
    for (File f : libs) {
      if (!f.getName().startsWith("guardstream-guard-engine")) {
        shared.add(f.toURI().toURL());
      }
    }
    Object[] bench = new Object[2];
    Method[] check = new Method[2];
    for (int k = 0; k < 2; k++) {
      File classes = new File(args[k]);
      if (!new File(classes, "io/guardstream/guard/GuardEngine.class").isFile()) {
        throw new IllegalArgumentException(args[k] + " holds no compiled guard engine");
      }
      List<URL> urls = new ArrayList<>();
      urls.add(classes.toURI().toURL()); // first, so its engine classes win
      urls.addAll(shared);
      ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]),
          ClassLoader.getPlatformClassLoader());
      Class<?> c = loader.loadClass(GuardEngineBenchmark.class.getName());
      Object b = c.getConstructor().newInstance();
      c.getField("traffic").set(b, traffic);
      c.getField("ruleSet").set(b, ruleSet);
      c.getField("rulesFile").set(b, System.getProperty("rules", ""));
      c.getMethod("setUp").invoke(b);
      bench[k] = b;
      check[k] = c.getMethod("check");
    }
    long[][] times = new long[2][ROUNDS];
    for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
      for (int i = 0; i < 2; i++) {
        int k = (round & 1) == 0 ? i : 1 - i; // alternate which build goes first
        long start = System.nanoTime();
        for (int n = 0; n < BATCH; n++) {
          check[k].invoke(bench[k]);
        }
        if (round >= 0) {
          times[k][round] = System.nanoTime() - start;
        }
      }
    }
    for (int k = 0; k < 2; k++) {
      long[] t = times[k].clone();
      Arrays.sort(t);
      System.out.printf("%s %s: min %.1f, p25 %.1f, median %.1f us/event%n", k == 0 ? "A" : "B",
          args[k], t[0] / 1e3 / BATCH, t[ROUNDS / 4] / 1e3 / BATCH, t[ROUNDS / 2] / 1e3 / BATCH);
    }
  }
}
