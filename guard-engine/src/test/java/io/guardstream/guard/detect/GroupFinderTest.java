package io.guardstream.guard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.Submatch;
import io.guardstream.guard.detect.secret.SecretCatalog;
import io.guardstream.guard.detect.secret.SecretPattern;
import io.guardstream.guard.text.Slice;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Given where RE2J's match ends, the group search must give RE2J's groups. */
class GroupFinderTest {

  @Test
  void givesRe2jsGroupsOnHandPickedCases() {
    // Leftmost-first: the first alternative that leads to a match, lazy as short as it can be.
    assertThat(groups("^(?:(a|ab)(c|bcd)(d*))", "abcd")).containsExactly(0, 4, 0, 1, 1, 4, 4, 4);
    assertThat(groups("^(?:(a+?)(a*))", "aaa")).containsExactly(0, 3, 0, 1, 1, 3);
    assertThat(groups("^(?:(x)|(y))", "y")).containsExactly(0, 1, -1, -1, 0, 1);
    // A group inside a loop reports its last round.
    assertThat(groups("^(?:(?:(a)|(b))+)", "ab")).containsExactly(0, 2, 0, 1, 1, 2);
    assertThat(groups("^(?:(\\w+)\\b\\s*=\\s*(\\S+))", "key = v4lue")).containsExactly(
        0, 11, 0, 3, 6, 11);
    assertThat(groups("^(?:(.)(.))", "\uD83D\uDE00!")).containsExactly(0, 3, 0, 2, 2, 3);
  }

  @Test
  void agreesWithRe2jOnTrickyPatterns() {
    List<String> patterns = List.of(
        "^(?:(a|ab)(c|bcd)?(d*))", "^(?:(a*?)(a|b)*(b?))", "^(?:((a)|(b))+?(\\b|$))",
        "^(?:(?:(a)|(ab))(b?))", "^(?:[\\s\\S]{0,4}?(a)(b+|_))", "^(?:(\\w+)\\b(\\W*)(.?))",
        "^(?:(?m)(^a$)\\n?(b?))", "^(?:(?i)(A)([^b]{0,3}?)(B))", "^(?:(é|\uD83D\uDE00)(.)*)",
        "^(?:((?:ab)+?)(?:\\s|$)(a)?)", "^(?:(a?)(\\B)(b))");
    int matches = 0;
    for (String source : patterns) {
      Pattern pattern = Pattern.compile(source);
      GroupFinder finder = GroupFinder.of(pattern);
      matches += MatchEndTest.shortTextTries(new Random(5),
          (text, from, to) -> agrees(pattern, finder, text, from, to));
    }
    assertThat(matches).as("tries RE2J matched").isGreaterThan(10_000);
  }

  @Test
  void agreesWithRe2jOnEverySecretFormat() {
    List<String> texts = SecretsTest.providerSecrets()
        .map(a -> (String) a.get()[1])
        .toList();
    Random random = new Random(17);
    int matches = 0;
    for (SecretPattern sp : SecretCatalog.all()) {
      if (sp.atTrigger() == null) {
        continue;
      }
      GroupFinder finder = GroupFinder.of(sp.atTrigger());
      for (String text : texts) {
        // As the detector tries it: a window from just before a place, some way after it.
        for (int p = 0; p < text.length(); p++) {
          int to = Math.min(text.length(), p + 64 + random.nextInt(256));
          matches += agrees(sp.atTrigger(), finder, text, p, to) ? 1 : 0;
        }
      }
    }
    assertThat(matches).as("tries RE2J matched").isGreaterThan(200);
  }

  @Test
  void leavesSearchesOverItsBoundToRe2j() {
    GroupFinder finder = GroupFinder.of(Pattern.compile("^(?:(a{1,500})(b))"));
    String fits = "a".repeat(100) + "b";
    assertThat(finder.spans(fits, 0, fits.length(), fits.length()))
        .containsExactly(0, 101, 0, 100, 100, 101);
    String over = "a".repeat(500) + "b"; // 500 chars times about 1,000 instructions
    assertThat(finder.spans(over, 0, over.length(), over.length())).isNull();
  }

  private static int[] groups(String source, String text) {
    Pattern pattern = Pattern.compile(source);
    Matcher m = pattern.matcher(text);
    assertThat(m.lookingAt()).as(source + " on " + text).isTrue();
    int[] spans = GroupFinder.of(pattern).spans(text, 0, text.length(), m.end());
    assertThat(spans).as("RE2J's groups").isEqualTo(Submatch.of(m));
    return spans;
  }

  /** Checks the groups on the window where RE2J matches; returns whether it did. */
  private static boolean agrees(Pattern pattern, GroupFinder finder, String text, int from,
      int to) {
    Matcher m = pattern.matcher(new Slice(text, from, to));
    if (!m.lookingAt()) {
      return false;
    }
    assertThat(finder.spans(text, from, to, m.end()))
        .as(pattern + " on '" + text.substring(from, to) + "'")
        .isEqualTo(Submatch.of(m));
    return true;
  }
}
