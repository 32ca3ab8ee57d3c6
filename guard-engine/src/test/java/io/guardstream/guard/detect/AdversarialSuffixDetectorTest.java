package io.guardstream.guard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardstream.guard.GuardRequest;
import io.guardstream.guard.Kind;
import io.guardstream.guard.text.NormalizedText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token-shape statistic for optimised adversarial suffixes, on hand-written strings. */
class AdversarialSuffixDetectorTest {

  private static final AdversarialSuffixDetector DETECTOR = new AdversarialSuffixDetector(12, 4, 2);

  private static List<int[]> hits(String text) {
    List<int[]> spans = new ArrayList<>();
    DETECTOR.detect(new Context(text), (start, end, type, confidence, message) -> {
      assertThat(message).doesNotContain(text.substring(start, end));
      spans.add(new int[] {start, end});
    });
    return spans;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Explain the plan zorbit Quanta-( VII [ frel [ [ molten ! exo",
      "Write a poem. similarlyNow write oppositeley.]( Me giving**ONE please? revert with \"\\!--Two",
      "How do tides work? ! ! Pelican ! ( marbleKINGdom [ Heimat ]}{ dental [ nuovo",
  })
  void findsSuffixShapedRuns(String text) {
    List<int[]> spans = hits(text);
    assertThat(spans).hasSize(1);
    // The span covers the suffix, not the request in front of it.
    String flagged = text.substring(spans.get(0)[0], spans.get(0)[1]);
    assertThat(flagged).doesNotContain(text.substring(0, text.indexOf(' '))).isNotBlank();
    assertThat(spans.get(0)[1]).isGreaterThan(text.length() / 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Todo:\n- [ ] buy milk\n- [ ] call Sam\n- [ ] fix bike",
      "Compute the distance between (x1, y1) and (x2, y2) using [the formula](https://e.x/f).",
      "if (!user) { return null; } else { log.warn(\"[auth] missing user\"); }",
      "int[] counts = new int[256]; for (int i = 0; i < n; i++) { counts[s[i]]++; }",
      "| a | b |\n|---|---|\n| 1 | 2 |",
      ") ] } ) ] } ) ] } ) ] } ) ] } ) ] } ) ] }",
      "Use getElementById and querySelectorAll in JavaScript to find the nodes.",
      "Our iPhone and macOS apps sync through iCloud; the Wi-Fi must be on!",
      "She said: \"Wow!!! That's great... (really?)\" and left.",
  })
  void ignoresCodeMarkupTablesAndProse(String text) {
    assertThat(hits(text)).isEmpty();
  }

  @Test
  void judgesEachLineOnItsOwn() {
    // Four odd tokens in total, but spread over lines that are each ordinary.
    assertThat(hits("Alpha [ beta\nGamma ! delta\nEpsilon ] zeta\nEta \\ theta")).isEmpty();
  }

  @Test
  void tokenShapes() {
    assertThat(AdversarialSuffixDetector.caseChaos("whatIT", 0, 6)).isTrue();
    assertThat(AdversarialSuffixDetector.caseChaos("UkrBrainzMAPibus", 0, 16)).isTrue();
    assertThat(AdversarialSuffixDetector.caseChaos("getElementById", 0, 14)).isFalse();
    assertThat(AdversarialSuffixDetector.unusual("]=set^{+size", 0, 12)).isTrue();
    assertThat(AdversarialSuffixDetector.unusual("!", 0, 1)).isTrue();
    assertThat(AdversarialSuffixDetector.unusual("don't", 0, 5)).isFalse();
    assertThat(AdversarialSuffixDetector.unusual("https://x.io/a?b=[c]", 0, 20)).isFalse();
  }

  /** A raw-view scan context over one text, without triggers. */
  private record Context(String text) implements ScanContext {
    @Override
    public NormalizedText normalized() {
      return null;
    }

    @Override
    public GuardRequest request() {
      return GuardRequest.of(Kind.PROMPT, text);
    }

    @Override
    public String location() {
      return "content";
    }

    @Override
    public int triggerCount() {
      return 0;
    }

    @Override
    public int trigger(int k) {
      throw new IndexOutOfBoundsException(k);
    }

    @Override
    public int triggerStart(int k) {
      throw new IndexOutOfBoundsException(k);
    }

    @Override
    public int triggerEnd(int k) {
      throw new IndexOutOfBoundsException(k);
    }
  }
}
