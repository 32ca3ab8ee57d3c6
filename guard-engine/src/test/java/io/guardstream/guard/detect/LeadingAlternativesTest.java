package io.guardstream.guard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Narrowing an anchored pattern to a trigger's alternatives must never change its match. */
class LeadingAlternativesTest {
  private static final String PATTERN = "(?:(?:ignore|ignoring) (?:all )?(?:previous|prior)"
      + " (?:instructions|rules)|ignore (?:the|your) (?:rules|prompt)|(?:show|reveal) (?:me )?"
      + "(?:the|your) (?:prompt|rules)|show(?:ing)? off|[a-z]+ mode|prior (?:rules|art))\\b";
  private static final List<String> TRIGGERS =
      List.of("ignore", "ignoring", "show", "reveal", "prior", "dev");
  private static final List<String> WORDS = List.of("ignore", "ignoring", "all", "previous",
      "prior", "instructions", "rules", "the", "your", "prompt", "show", "showing", "off",
      "reveal", "me", "dev", "mode", "art", "IGNORE", "Show", "PRIOR", "Rules", "x");

  @Test
  void readsTheLiteralsAMatchStartsWith() {
    assertThat(first("(?:ignore|disregard) (?:all )?previous")).containsOnly("ignore", "disregard");
    assertThat(first("colou?r")).containsOnly("colo");
    assertThat(first("(?:x|(?:y|z)w)v")).containsOnly("x", "y", "z");
    assertThat(first("(?:a|b)?x")).isNull();
    assertThat(first("\\bfoo")).isNull();
    assertThat(first("[a-z]+ mode")).isNull();
    assertThat(first("(?i:foo)")).isNull();
  }

  @Test
  void keepsOnlyAlternativesThatCanStartWithTheTrigger() {
    LeadingAlternatives a = LeadingAlternatives.of(PATTERN);
    assertThat(a).isNotNull();
    String reveal = a.forLiteral("reveal");
    assertThat(reveal).contains("(?:show|reveal)").contains("[a-z]+ mode")
        .doesNotContain("ignoring").doesNotContain("prior (?:rules|art)").endsWith(")\\b");
    assertThat(LeadingAlternatives.of("(?:ignore|forget) rules|reveal prompt").forLiteral("dev"))
        .isNull();
    assertThat(LeadingAlternatives.of("ignore (?:the )?rules")).isNull();
    assertThat(LeadingAlternatives.of("(?:a|b)+c")).isNull();
  }

  @Test
  void comparesAsciiWithoutCaseAndNonAsciiAsPossiblyEqual() {
    assertThat(LeadingAlternatives.compatible("Ignore all", "ignore")).isTrue();
    assertThat(LeadingAlternatives.compatible("ignore", "ignoring")).isFalse();
    assertThat(LeadingAlternatives.compatible("igno\u212Ae", "ignore")).isTrue();
  }

  @Property(tries = 500)
  void narrowedPatternMatchesAsTheWholeOne(
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 22) Integer> picks) {
    String text = picks.stream().map(WORDS::get).collect(Collectors.joining(" "));
    LeadingAlternatives alternatives = LeadingAlternatives.of(PATTERN);
    Pattern whole = Pattern.compile("^(?:" + PATTERN + ")", Pattern.CASE_INSENSITIVE);
    for (String trigger : TRIGGERS) {
      if (!text.toLowerCase().startsWith(trigger)) {
        continue;
      }
      String narrowed = alternatives.forLiteral(trigger);
      Matcher w = whole.matcher(text);
      boolean wholeMatches = w.lookingAt();
      if (narrowed == null) {
        assertThat(wholeMatches).as(text).isFalse();
        continue;
      }
      Matcher n = Pattern.compile("^(?:" + narrowed + ")", Pattern.CASE_INSENSITIVE).matcher(text);
      assertThat(n.lookingAt()).as(text).isEqualTo(wholeMatches);
      if (wholeMatches) {
        assertThat(n.end()).as(text).isEqualTo(w.end());
      }
    }
  }

  private static java.util.Set<String> first(String source) {
    return LeadingAlternatives.firstLiterals(source, 0, source.length());
  }
}
