package io.guardstream.guard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardstream.guard.text.Rot13;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * The scanner reads a text's letters and digits either from the words the leak detector already
 * holds (all-ASCII outputs) or from the text itself; both readings must find the same canary at
 * the same span.
 */
class CanaryScannerTest {
  private static final String CANARY = "gs-canary-3f9a51c2e7";

  @Property(tries = 500)
  void wordsAndTextReadingsAgree(
      @ForAll @StringLength(max = 200) @CharRange(from = ' ', to = '~') @CharRange(from = 'à', to = 'ö')
          String text,
      @ForAll @IntRange(min = 0, max = 4) int disguise,
      @ForAll @IntRange(min = 0, max = 200) int at) {
    String planted = switch (disguise) {
      case 0 -> "";
      case 1 -> "G S-C A N A R Y 3F9A 51C2 E7";
      case 2 -> new StringBuilder("gs canary 3f9a51c2e7").reverse().toString();
      case 3 -> Rot13.of("gs canary 3f9a51c2e7").toUpperCase();
      default -> "gscanary3f9a5"; // a prefix only: nothing to find
    };
    int cut = Math.min(at, text.length());
    String output = text.substring(0, cut) + planted + text.substring(cut);
    CanaryScanner.Match fromText = CanaryScanner.find(output, CANARY);
    CanaryScanner.Match fromWords =
        CanaryScanner.find(new OutputWords().of(output), output, CANARY);
    assertThat(fromWords).isEqualTo(fromText);
    if (disguise >= 1 && disguise <= 3) {
      assertThat(fromWords).isNotNull();
      assertThat(output.substring(fromWords.start(), fromWords.end()))
          .startsWith(planted.substring(0, 1)).endsWith(planted.substring(planted.length() - 1));
    }
  }
}
