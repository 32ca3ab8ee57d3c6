package io.guardstream.guard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.Submatch;
import io.guardstream.guard.text.Slice;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tries give RE2J's match, whichever way they find it. */
class AnchoredPatternTest {

  @Test
  void wholeMatchTriesAgreeWithRe2jAlsoWhenTheDfaCacheRunsOver() {
    // 2^13 DFA states: the cache starts over now and then, and RE2J answers those tries.
    Pattern pattern = Pattern.compile("^(?:([ab]*a)[ab]{12}(c))");
    AnchoredPattern whole = new AnchoredPattern(pattern, false);
    AnchoredPattern groups = new AnchoredPattern(pattern, true);
    Random random = new Random(13);
    int matches = 0;
    for (int t = 0; t < 400; t++) {
      String text = MatchEndTest.manyStates(random, 60, 3);
      int from = random.nextInt(20);
      Matcher m = pattern.matcher(new Slice(text, from, text.length()));
      int[] expected = m.lookingAt() ? Submatch.of(m) : null;
      assertThat(groups.matchAt(text, from, text.length())).isEqualTo(expected);
      int[] found = whole.matchAt(text, from, text.length());
      assertThat(found == null ? null : Arrays.copyOf(found, 2))
          .isEqualTo(expected == null ? null : Arrays.copyOf(expected, 2));
      matches += expected == null ? 0 : 1;
    }
    assertThat(matches).isGreaterThan(50);
  }
}
