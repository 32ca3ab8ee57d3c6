package io.guardstream.guard.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

class LiteralMatcherTest {

  private static List<String> matches(LiteralMatcher m, String text) {
    List<String> out = new ArrayList<>();
    m.scan(text, 0, text.length(), (id, s, e) -> out.add(id + "@" + s + "-" + e));
    return out;
  }

  @Test
  void findsOverlappingAndNestedLiteralsCaseInsensitively() {
    LiteralMatcher m = LiteralMatcher.of(List.of("he", "she", "his", "hers"));
    assertThat(matches(m, "uSHErs")).containsExactly("1@1-4", "0@2-4", "3@2-6");
  }

  @Test
  void matchesNonAsciiLiterals() {
    LiteralMatcher m = LiteralMatcher.of(List.of("übel", "指令"));
    assertThat(matches(m, "ÜBEL und 忽略指令")).containsExactly("0@0-4", "1@11-13");
  }

  @Property(tries = 200)
  void agreesWithNaiveSearch(
      @ForAll @Size(min = 1, max = 6) List<@StringLength(min = 1, max = 4) @CharRange(from = 'a', to = 'c') String> literals,
      @ForAll @StringLength(max = 60) @CharRange(from = 'a', to = 'c') String text) {
    LiteralMatcher m = LiteralMatcher.of(literals);
    assertThat(new TreeSet<>(matches(m, text))).isEqualTo(naive(literals, text, false));
  }

  @Property(tries = 300)
  void agreesWithNaiveSearchOnMixedScripts(
      @ForAll @Size(min = 1, max = 6) List<@StringLength(min = 1, max = 4) @Chars({'a', 'b', 'ü', '指'}) String> literals,
      @ForAll @StringLength(max = 60) @Chars({'a', 'B', 'ü', 'Ü', '指', 'x', 'é'}) String text) {
    // ASCII and other chars take different tables: every mix of them must read alike.
    LiteralMatcher m = LiteralMatcher.of(literals);
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    assertThat(new TreeSet<>(matches(m, text))).isEqualTo(naive(literals, lower, false));
    List<String> fromArray = new ArrayList<>();
    m.scan(text.toCharArray(), 0, text.length(), (id, s, e) -> fromArray.add(id + "@" + s + "-" + e));
    assertThat(fromArray).isEqualTo(matches(m, text));
  }

  @Property(tries = 200)
  void wordStartMatcherAgreesWithNaiveSearchAtWordStarts(
      @ForAll @Size(min = 1, max = 6) List<@StringLength(min = 1, max = 4) @CharRange(from = 'a', to = 'c') String> literals,
      @ForAll @StringLength(max = 60) @Chars({' ', 'a', 'b', 'c'}) String text) {
    LiteralMatcher m = LiteralMatcher.ofWordStarts(literals);
    assertThat(new TreeSet<>(matches(m, text))).isEqualTo(naive(literals, text, true));
    List<String> fromArray = new ArrayList<>();
    m.scan(text.toCharArray(), 0, text.length(), (id, s, e) -> fromArray.add(id + "@" + s + "-" + e));
    assertThat(fromArray).isEqualTo(matches(m, text));
  }

  /** Every occurrence of every literal found by {@code indexOf}; optionally at word starts only. */
  private static Set<String> naive(List<String> literals, String text, boolean wordStarts) {
    Set<String> expected = new TreeSet<>();
    for (int id = 0; id < literals.size(); id++) {
      String lit = literals.get(id);
      for (int i = text.indexOf(lit); i >= 0; i = text.indexOf(lit, i + 1)) {
        if (!wordStarts || i == 0 || text.charAt(i - 1) == ' ') {
          expected.add(id + "@" + i + "-" + (i + lit.length()));
        }
      }
    }
    return expected;
  }

  @Test
  void wordStartMatcherSkipsMatchesInsideWords() {
    LiteralMatcher m = LiteralMatcher.ofWordStarts(List.of("user", "the user"));
    assertThat(matches(m, "the user's superuser")).containsExactly("1@0-8", "0@4-8");
  }
}
