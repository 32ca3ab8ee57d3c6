package io.guardstream.guard.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowChainTest {

  private final FeatureHasher hasher = new FeatureHasher(16, 3, 5, 2);

  @Test
  void eachWindowGetsWhatReadingItWholeGives() {
    Random random = new Random(3);
    short[] weights = new short[hasher.buckets()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (short) random.nextInt();
    }
    String[] atoms = {"ignore ", "Word", " ", "  ", "\n", ".", "-", "7", "\uD83D\uDE00", "é"};
    for (int t = 0; t < 100; t++) {
      StringBuilder b = new StringBuilder();
      while (b.length() < 2000) {
        b.append(atoms[random.nextInt(atoms.length)]);
      }
      char[] text = b.toString().toCharArray();
      int size = 100 + random.nextInt(300);
      List<long[]> expected = new ArrayList<>();
      List<long[]> got = new ArrayList<>();
      WindowChain chain = new WindowChain(hasher, weights, text,
          (sum, features) -> got.add(new long[] {sum, features}));
      // The windows the classifier reads a long text in: half-overlapping, whole code points.
      TextWindows.forEach(new String(text), size, Integer.MAX_VALUE, (from, to) -> {
        FeatureHasher.State whole = new FeatureHasher.State();
        int count =
            hasher.feedWeights(whole, text, from, to, weights, FeatureHasher.Stop.CLOSE);
        expected.add(new long[] {whole.weightSum, count});
        chain.add(from, to);
      });
      chain.flush();
      assertThat(sorted(got)).isEqualTo(sorted(expected));
    }
  }

  /** The chain reports windows in the order their sums are ready, not in text order. */
  private static List<String> sorted(List<long[]> sums) {
    List<String> out = new ArrayList<>();
    for (long[] s : sums) {
      out.add(s[0] + "/" + s[1]);
    }
    out.sort(null);
    return out;
  }
}
