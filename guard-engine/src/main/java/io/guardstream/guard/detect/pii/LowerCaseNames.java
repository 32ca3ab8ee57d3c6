package io.guardstream.guard.detect.pii;

import io.guardstream.guard.detect.Hits;
import java.util.Locale;
import java.util.Set;

/**
 * Person names in a text written in lower case, as chat often is ("olga krylova's killers", "my
 * name is vitoria", "they had 3: silvana, adam and caleb"). Lower case takes away the capital that
 * marks a name, so only a listed given name counts, and only with a surname after it, next to
 * another given name in a list, or after a cue ("my name is", "mr."); a surname alone counts after
 * "maiden name is" or a title. Run only for texts whose first letter is lower case: where a
 * writer capitalises sentences, names are capitalised too.
 */
final class LowerCaseNames {
  private LowerCaseNames() {}

  private static final String PERSON = PiiDetector.PiiType.PERSON.name();

  /**
   * Whether the first letter of {@code t} is lower case, {@code t} reads as prose, not code, and
   * its writer does not capitalise sentences after all (a text may open with a lower-case table
   * cell or list item).
   */
  static boolean applies(String t) {
    int first = 0;
    while (first < t.length() && !Character.isLetter(t.charAt(first))) {
      first++;
    }
    if (first == t.length() || !Character.isLowerCase(t.charAt(first))) {
      return false;
    }
    int capitalised = 0;
    int lower = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < 128 && CODE_CHARS[c]) {
        return false; // code starts in lower case too ("def", "<?php"), and names no one
      }
      if ((c == '.' || c == '!' || c == '?') && i + 2 < t.length() && t.charAt(i + 1) == ' ') {
        char next = t.charAt(i + 2);
        capitalised += next >= 'A' && next <= 'Z' ? 1 : 0;
        lower += next >= 'a' && next <= 'z' ? 1 : 0;
      }
    }
    return capitalised < 2 || capitalised <= lower;
  }

  private static final boolean[] CODE_CHARS = new boolean[128];

  static {
    for (char c : "{};<>$=[]".toCharArray()) {
      CODE_CHARS[c] = true;
    }
  }

  static void find(String t, Hits out) {
    int n = t.length();
    int i = 0;
    int lastEnd = -1;
    while (i < n) {
      boolean wordStart = i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1));
      if (!wordStart || !Character.isLowerCase(t.charAt(i))) {
        i++;
        continue;
      }
      int e = wordEnd(t, i);
      if (e - i >= 3) {
        int end = lastEnd > 0 && listGoesOn(t, lastEnd, i, e) ? reportItem(t, i, e, out)
            : name(t, i, e, out);
        if (end > i) {
          lastEnd = end;
          i = end;
          continue;
        }
      }
      i = Math.max(e, i + 1);
    }
  }

  /**
   * Whether {@code t[s, e)} is the next item of a list whose previous item, a name, ended at
   * {@code lastEnd}: "silvana, adam, chad and caleb".
   */
  private static boolean listGoesOn(String t, int lastEnd, int s, int e) {
    boolean separated = s == lastEnd + 2 && t.startsWith(", ", lastEnd)
        || s == lastEnd + 5 && t.startsWith(" and ", lastEnd)
        || s == lastEnd + 6 && t.startsWith(", and ", lastEnd);
    return separated && !STOP_WORDS.contains(t.substring(s, e))
        && (e == t.length() || !Character.isLetterOrDigit(t.charAt(e)) && t.charAt(e) != ' '
            || t.startsWith(" and ", e));
  }

  private static int reportItem(String t, int s, int e, Hits out) {
    out.add(s, e, PERSON, 0.6, "name in a list of names in lower case");
    return e;
  }

  /** Reports the name starting with the lower-case word {@code t[s, e)}; returns its end or s. */
  private static int name(String t, int s, int e, Hits out) {
    int next = e + 1;
    boolean nextWord = next < t.length() && t.charAt(e) == ' '
        && Character.isLowerCase(t.charAt(next));
    int nextEnd = nextWord ? wordEnd(t, next) : next;
    if (nextWord && codeAfter(t, nextEnd)) {
      nextWord = false; // "return strrev(x)"
    }
    boolean given = given(t, s, e);
    // Cheapest test first: this runs on every word of a lower-case text.
    if (nextWord && nextEnd - next >= 4 && !given && Surnames.shaped(t, next, nextEnd)
        && !STOP_WORDS.contains(t.substring(s, e))) {
      // Only a surname shape vouches for a first name in no list: "borna jerković".
      out.add(s, nextEnd, PERSON, 0.6, "word and surname-shaped word in lower case");
      return nextEnd;
    }
    if (given) {
      if (nextWord && nextEnd - next == 1) {
        // A middle initial: "benjamin a seiler", "eric g. samoylova".
        int last = nextEnd + (t.startsWith(". ", nextEnd) ? 2 : t.startsWith(" ", nextEnd) ? 1 : 0);
        int lastEnd = last > nextEnd ? wordEnd(t, last) : last;
        if (lastEnd - last >= 3 && Character.isLowerCase(t.charAt(last))
            && !STOP_WORDS.contains(t.substring(last, lastEnd))) {
          out.add(s, lastEnd, PERSON, 0.6, "name with a middle initial in lower case");
          return lastEnd;
        }
      }
      if (nextWord && nextEnd - next >= 3 && (Surnames.isLowerCase(t, next, nextEnd)
          || given(t, next, nextEnd))) {
        out.add(s, nextEnd, PERSON, 0.6, "given name and surname in lower case");
        return nextEnd;
      }
      if (Scanners.afterAny(t, s, CUES) || listed(t, s, e)) {
        out.add(s, e, PERSON, 0.6, "given name in lower case");
        return e;
      }
      return s;
    }
    if (Scanners.afterAny(t, s, SURNAME_CUES) && Surnames.isLowerCase(t, s, e)) {
      out.add(s, e, PERSON, 0.6, "surname in lower case");
      return e;
    }
    return s;
  }

  /** A listed given name, written in lower case, that is not also an everyday word. */
  private static boolean given(String t, int s, int e) {
    return NameList.GIVEN.containsCapitalised(t, s, e)
        && !ALSO_WORDS.contains(t.substring(s, e).toLowerCase(Locale.ROOT));
  }

  /** Next to another given name in a comma list: "silvana, adam, christopher and chad". */
  private static boolean listed(String t, int s, int e) {
    int next = -1;
    if (t.startsWith(", and ", e)) {
      next = e + 6;
    } else if (t.startsWith(", ", e) || t.startsWith(" and ", e)) {
      next = e + (t.charAt(e) == ',' ? 2 : 5);
    }
    if (next > 0 && next < t.length() && Character.isLowerCase(t.charAt(next))
        && given(t, next, wordEnd(t, next))) {
      return true;
    }
    int prevEnd = t.startsWith(", ", s - 2) ? s - 2 : t.startsWith(" and ", s - 5) ? s - 5 : -1;
    if (prevEnd <= 0) {
      return false;
    }
    int prevStart = prevEnd;
    while (prevStart > 0 && Character.isLetter(t.charAt(prevStart - 1))) {
      prevStart--;
    }
    return prevEnd - prevStart >= 3 && given(t, prevStart, prevEnd);
  }

  /** A call, a member or an identifier goes on at {@code e}: code, not a name. */
  private static boolean codeAfter(String t, int e) {
    if (e >= t.length()) {
      return false;
    }
    char c = t.charAt(e);
    return c == '(' || c == '_'
        || c == '.' && e + 1 < t.length() && Character.isLetter(t.charAt(e + 1));
  }


  private static int wordEnd(String t, int s) {
    int e = s;
    while (e < t.length() && Character.isLetter(t.charAt(e))) {
      e++;
    }
    return e;
  }

  /** Words that neither start a name nor continue a list of names. */
  private static final Set<String> STOP_WORDS = Set.of(
      "the", "and", "for", "with", "from", "about", "into", "onto", "this", "that", "these",
      "those", "you", "your", "our", "their", "his", "her", "its", "was", "were", "are", "has",
      "have", "had", "not", "but", "all", "any", "some", "more", "most", "other", "such", "then",
      "than", "also", "very", "just", "only", "even", "after", "before", "over", "under", "between",
      "who", "what", "when", "where", "which", "why", "how", "she", "him", "them", "they", "there",
      "here", "one", "two", "three", "many", "much", "each", "every", "few", "own", "same", "too",
      // code read as prose
      "return", "def", "print", "import", "var", "let", "const", "echo", "function", "new",
      "class", "else", "elif", "while", "lambda", "void", "int", "char", "string", "bool", "str",
      "self", "null", "true", "false", "nil", "select", "sudo", "git", "npm", "pip");

  /** Cues before a given name written in lower case. */
  private static final String[] CUES = {
      "my name is ", "my name's ", "name is ", "call me ", "calls me ", "called me ", "named ",
      "mr. ", "mrs. ", "ms. ", "mr ", "mrs ", "ms ", "dr. ", "dear ", "hi ", "hello ", "hey ",
      "i'm ", "i am ", "im ", "thanks "};

  /** Cues before a surname written in lower case. */
  private static final String[] SURNAME_CUES = {
      "maiden name is ", "last name is ", "surname is ", "family name is ", "mr. ", "mrs. ",
      "ms. ", "mr ", "mrs ", "ms ", "dr. "};

  /** Given names that are also everyday words in lower case ("frank", "jack", "sue"). */
  private static final Set<String> ALSO_WORDS = Set.of(
      "aline", "amir", "barney", "billy", "bobby", "brad", "chandler", "colleen", "dale",
      "derrick", "dieter", "dirk", "frank", "hank", "harry", "hector", "jack", "jasper", "jimmy",
      "john", "josh", "lea", "mads", "maria", "marina", "martin", "meg", "mickey", "patty",
      "peter", "phoebe", "randy", "roger", "sally", "sherry", "sue", "terry", "tony", "victor",
      "warren", "will", "may", "mark", "bill", "don", "ken", "ray", "art", "sky", "joy", "ali",
      "ivy", "eve", "rose", "june", "april", "hope", "faith", "grace", "dawn", "pearl");
}
