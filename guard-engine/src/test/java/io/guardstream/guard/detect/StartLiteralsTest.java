package io.guardstream.guard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import io.guardstream.guard.text.Slice;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** A search may skip a position only where the pattern cannot match. */
class StartLiteralsTest {
  /** A top-level alternation, as the alternatives of a group are read the same way. */
  private static final String PATTERN = "(?i)(?:negeer|vergeet) (?:alle )?(?:instructies"
      + "|regels)|(?:игнорируй|забудь) (?:все )?(?:инструкции|правила)|(?:忽略|无视)[^。]{0,8}?指令"
      + "|skip (?:the )?rules|kelvin";
  private static final List<String> WORDS = List.of("negeer", "NEGEER", "Vergeet", "alle",
      "instructies", "regels", "игнорируй", "Игнорируй", "ЗАБУДЬ", "все", "инструкции",
      "Правила", "忽略", "无视", "所有", "指令", "skip", "\u017Fkip", "SKIP", "the", "rules",
      "\u212Aelvin", "quantum", "entanglement", "x");

  @Test
  void readsTheLiteralsAMatchStartsWith() {
    assertThat(first("(?:ignore|disregard) (?:all )?previous")).containsOnly("ignore", "disregard");
    assertThat(first("colou?r")).containsOnly("colo");
    assertThat(first("(?:x|(?:y|z)w)+v")).containsOnly("x", "y", "z");
    assertThat(first("(?:a|b)?x")).isNull();
    assertThat(first("\\bfoo")).isNull();
    assertThat(first("[a-z]+ mode")).isNull();
    assertThat(first("(?i:foo)")).isNull();
    assertThat(first("foo|")).isNull();
  }

  @Test
  void foldsOnlyTheCharsCaseFoldingMapsToAscii() {
    assertThat(StartLiterals.agrees('k', '\u212A')).isTrue();
    assertThat(StartLiterals.agrees('s', '\u017F')).isTrue();
    assertThat(StartLiterals.agrees('и', 'И')).isTrue();
    assertThat(StartLiterals.agrees('a', 'B')).isFalse();
    assertThat(StartLiterals.agrees('e', 'é')).isFalse();
    assertThat(StartLiterals.agrees('忽', 'q')).isFalse();
  }

  @Test
  void skipsPlainEnglish() {
    StartLiterals starts = StartLiterals.of(PATTERN);
    String text = "A physicist explains quantum entanglement to visiting students.";
    assertThat(IntStream.range(0, text.length()).filter(p -> starts.mayStartAt(text, p)))
        .isEmpty();
    assertThat(StartLiterals.of("\\bfoo|bar")).isNull();
    assertThat(StartLiterals.of("(?i:foo)bar")).isNull();
    assertThat(StartLiterals.of("(?i)foo|bar")).isNotNull();
  }

  @Property(tries = 500)
  void neverSkipsAPositionWhereThePatternMatches(
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 24) Integer> picks) {
    String text = picks.stream().map(WORDS::get).collect(Collectors.joining(" "));
    StartLiterals starts = StartLiterals.of(PATTERN);
    Pattern anchored = Pattern.compile("^(?:" + PATTERN + ")");
    for (int p = 0; p < text.length(); p++) {
      if (anchored.matcher(new Slice(text, p, text.length())).lookingAt()) {
        assertThat(starts.mayStartAt(text, p)).as(text + " @" + p).isTrue();
      }
    }
  }

  private static java.util.Set<String> first(String source) {
    return StartLiterals.firstLiterals(source, 0, source.length());
  }
}
