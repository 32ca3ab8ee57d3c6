package com.google.re2j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One run must give the spans RE2J's Matcher gives in two. */
class SubmatchTest {

  private static final List<String> PATTERNS = List.of(
      "(?i)(?:ignore|disregard) (?:all |the )?(previous|prior) (instructions|rules)\\b",
      "[\\s\\S]{0,8}?(?:(token|secret)\\s*[:=]\\s*(?:\"([^\"]{4,40})\"|'([^']{4,40})'|(\\w{4,40})))",
      "(a+)(b*)|(c)",
      "(x)?y");

  @Test
  void oneRunGivesTheSpansOfTheMatcher() {
    Random random = new Random(23);
    String[] atoms = {"token", "secret", " = ", ": ", "\"", "'", "abc", "ignore", "IGNORE",
        "all ", "previous ", "prior ", "rules", "instructions", "a", "b", "c", "x", "y", " ",
        "é", "\uD83D\uDE00"};
    int matched = 0;
    for (String source : PATTERNS) {
      Pattern pattern = Pattern.compile("^(?:" + source + ")");
      for (int t = 0; t < 2000; t++) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(10); i > 0; i--) {
          b.append(atoms[random.nextInt(atoms.length)]);
        }
        String text = b.toString();
        int[] direct = Submatch.atStart(pattern, text);
        assertThat(direct).as(source + " on " + text)
            .isEqualTo(Submatch.viaMatcher(pattern, text));
        matched += direct == null ? 0 : 1;
      }
    }
    assertThat(matched).isGreaterThan(300);
  }
}
