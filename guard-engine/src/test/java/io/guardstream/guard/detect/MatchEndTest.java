package io.guardstream.guard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.guardstream.guard.text.Slice;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The DFA must end every match where RE2J ends it, and find a match exactly where RE2J does. */
class MatchEndTest {

  @Test
  void endsWhereRe2jEndsOnHandPickedCases() {
    assertThat(end("^(?:a|ab)", "abc")).isEqualTo(1); // leftmost-first: the first alternative
    assertThat(end("^(?:ab|a)", "abc")).isEqualTo(2);
    assertThat(end("^(?:a+?)", "aaa")).isEqualTo(1);
    assertThat(end("^(?:a+)", "aaab")).isEqualTo(3);
    assertThat(end("^(?:a*)", "bbb")).isEqualTo(0);
    assertThat(end("^(?:foo\\b)", "foobar")).isEqualTo(MatchEnd.NONE);
    assertThat(end("^(?:foo\\b)", "foo bar")).isEqualTo(3);
    assertThat(end("^(?:foo\\B)", "foobar")).isEqualTo(3);
    assertThat(end("^(?:x$)", "x")).isEqualTo(1); // the window's end is the input's end
    assertThat(end("^(?:x$)", "xy")).isEqualTo(MatchEnd.NONE);
    assertThat(end("^(?:(?m)x$)", "x\ny")).isEqualTo(1);
    assertThat(end("^(?:\\bx)", "x")).isEqualTo(1); // the window's start is the input's start
    assertThat(end("^(?:.)", "\uD83D\uDE00!")).isEqualTo(2); // one code point, two chars
    assertThat(end("^(?:(?i)IGNORE)", "ignore")).isEqualTo(6);
  }

  @Test
  void agreesWithRe2jOnTrickyPatterns() {
    List<String> patterns = List.of(
        "^(?:a|ab|abc)", "^(?:abc|ab|a)", "^(?:(?:a|b)*?b)", "^(?:(?:a|b)*b)", "^(?:a(?:b|)c?)",
        "^(?:\\b[ab]+\\b)", "^(?:[ab]+\\B)", "^(?:(?m)^a$\\n?b?)", "^(?:a.{0,3}?\\b)",
        "^(?:(?:ab)+?(?:\\s|$))", "^(?:[^\\n]{0,5}?é)", "^(?:.\\b.)", "^(?:(?i)a[^b]{0,4}B)",
        "^(?:_?\\w+\\b\\W)", "^(?:(?:a|$)(?:b|$))", "^(?:a?\\z)");
    Random random = new Random(3);
    String alphabet = "ab_ \n-.éA\uD83D\uDE00";
    int matches = 0;
    for (String source : patterns) {
      Pattern pattern = Pattern.compile(source);
      MatchEnd dfa = MatchEnd.of(pattern);
      for (int t = 0; t < 2000; t++) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(10); i > 0; i--) {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String text = b.toString();
        for (int p = 0; p <= text.length(); p++) {
          if (p < text.length() && Character.isLowSurrogate(text.charAt(p))) {
            continue;
          }
          int to = p + random.nextInt(text.length() - p + 1);
          matches += agrees(pattern, dfa, text, p, to) ? 1 : 0;
        }
      }
    }
    assertThat(matches).as("tries RE2J matched").isGreaterThan(10_000);
  }

  @Test
  void agreesWithRe2jOnEveryDefaultPattern() {
    Random random = new Random(41);
    int matches = 0;
    int tries = 0;
    for (Pattern pattern : MatchFilterTest.defaultPatterns()) {
      MatchEnd dfa = MatchEnd.of(pattern);
      for (int t = 0; t < 60; t++) {
        String text = MatchFilterTest.mixed(random);
        for (int p = 0; p < text.length(); p++) {
          if (p > 0 && Character.isLowSurrogate(text.charAt(p))) {
            continue;
          }
          int end = Math.min(text.length(), p + 1 + random.nextInt(200));
          tries++;
          matches += agrees(pattern, dfa, text, p, end) ? 1 : 0;
        }
      }
    }
    assertThat(tries).isGreaterThan(100_000);
    assertThat(matches).as("matches seen").isGreaterThan(100);
  }

  @Test
  void aFullCacheStartsOverAndStaysExact() {
    // Which 'a' the match ends with is known only 13 chars later: 2^13 DFA states.
    Pattern pattern = Pattern.compile("^(?:[ab]*a[ab]{12}c)");
    MatchEnd dfa = MatchEnd.of(pattern);
    Random random = new Random(5);
    int unknown = 0;
    for (int t = 0; t < 300; t++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        b.append(random.nextBoolean() ? 'a' : 'b');
      }
      String text = b.append(random.nextInt(4) == 0 ? "c" : "").toString();
      if (dfa.end(text, 0, text.length()) == MatchEnd.UNKNOWN) {
        unknown++;
      } else {
        agrees(pattern, dfa, text, 0, text.length());
      }
      assertThat(dfa.states()).isLessThanOrEqualTo(MatchEnd.MAX_STATES);
    }
    assertThat(unknown).as("tries that found the cache full").isPositive();
  }

  private static int end(String source, String text) {
    return MatchEnd.of(Pattern.compile(source)).end(text, 0, text.length());
  }

  /** Checks the DFA against RE2J on the window; returns whether RE2J matched. */
  private static boolean agrees(Pattern pattern, MatchEnd dfa, String text, int from, int to) {
    Matcher m = pattern.matcher(new Slice(text, from, to));
    boolean match = m.lookingAt();
    int end = dfa.end(text, from, to);
    if (end != MatchEnd.UNKNOWN) {
      assertThat(end).as(pattern + " on '" + text.substring(from, to) + "'")
          .isEqualTo(match ? m.end() : MatchEnd.NONE);
    }
    return match;
  }
}
