package io.guardstream.guard.detect.secret;

import io.guardstream.guard.detect.Validators;
import java.util.List;
import java.util.Set;

/**
 * Credentials disclosed in sentences rather than assigned in code: "the password for the staging
 * database is Tr0ub4dor&amp;3xyz", "login: admin / pass: hunter2hunter2", "with secret 8kP0…",
 * "use token …". A hand-written scanner that starts at a credential noun and reads, within one
 * sentence,
 *
 * <pre>
 *   noun [qualifier of at most 6 words] link value        link: is, was, are, is set to, is
 *   noun value                                                  stored as, has been changed to,
 *                                                               reads, equals, ':', '=', '-'
 * </pre>
 *
 * The value must look like a credential ({@link Validators#credentialLike}): words ("the password
 * is strong"), masks, placeholders, references, paths, numbers with units and identifiers are
 * not. Linear in the window it reads; no regex.
 */
final class ProseCredentials {
  private ProseCredentials() {}

  /** Nouns that introduce a credential (lower case; matched case-insensitively at word starts). */
  static final List<String> NOUNS = List.of(
      "password", "passwd", "passphrase", "passcode", "pass", "pwd", "secret", "token", "key",
      "credential", "credentials");

  /** Nouns too common as other words to take a value without a link ("pass it on", "key F5"). */
  private static final Set<String> NEED_LINK = Set.of("pass", "pwd", "key", "credential",
      "credentials");

  /** Words before "key" / "token" / "secret" that make it something that is not a credential. */
  private static final Set<String> NOT_SECRET_BEFORE = Set.of("public", "foreign", "primary",
      "sort", "partition", "composite", "unique", "surrogate", "natural", "candidate", "cache",
      "lookup", "index", "dictionary", "map", "idempotency", "routing", "shard", "music",
      "musical", "major", "minor", "hot", "next", "first", "last", "end", "start", "special",
      "stop", "bos", "eos", "pad", "unknown", "mask", "separator", "cls");

  private static final int MAX_QUALIFIER_WORDS = 6;
  private static final int MAX_VALUE = 128;
  private static final int MIN_VALUE = 6;

  /** Receives a credential value [start, end) found in the text. */
  interface Sink {
    void value(int start, int end);
  }

  /**
   * Reads a disclosure starting at the noun occurrence [start, end) (a match of one of
   * {@link #NOUNS}); reports the value, if any, to {@code sink}.
   */
  static void scan(CharSequence t, int start, int end, Sink sink) {
    int n = t.length();
    if (start > 0 && isWordChar(t.charAt(start - 1)) || end > n) {
      return; // "bypass", "monkey": the noun must start a word
    }
    String noun = lower(t, start, end);
    int i = end;
    if (i < n && (t.charAt(i) == 's' || t.charAt(i) == 'S') && !noun.endsWith("s")) {
      i++; // plural
    }
    if (i < n && isWordChar(t.charAt(i))) {
      return; // "passenger", "keyboard", "secretary"
    }
    if (!noun.equals("password") && !noun.equals("passphrase") && !noun.equals("passcode")
        && NOT_SECRET_BEFORE.contains(wordBefore(t, start))) {
      return;
    }
    i = skipEmphasis(t, i, n);
    // Direct value: "password Blu3-Sky-77!", "with secret 8kP0…".
    int link = link(t, i, n);
    if (link < 0) {
      // A qualifier ("for the staging database", "you need") must end in a link.
      int q = qualifier(t, i, n);
      if (q > i) {
        link = link(t, q, n);
        if (link < 0 || t.charAt(link - 1) == '-') {
          return; // "the key points - ..." is a clause, not an assignment
        }
      } else if (NEED_LINK.contains(noun)) {
        return;
      } else {
        link = i;
        if (link >= n || t.charAt(link) != ' ') {
          return;
        }
        link++;
      }
    }
    value(t, link, n, sink);
  }

  /** After the link: optional quotes or emphasis, then the value up to whitespace. */
  private static void value(CharSequence t, int i, int n, Sink sink) {
    while (i < n && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
      i++;
    }
    char open = 0;
    while (i < n && t.charAt(i) == '*') {
      open = '*'; // markdown emphasis
      i++;
    }
    if (i < n && isOpening(t.charAt(i))) {
      open = t.charAt(i++);
    }
    if (i >= n || !startsValue(t.charAt(i))) {
      return; // an empty string, or punctuation of the code around: not a value
    }
    int s = i;
    int max = Math.min(n, s + MAX_VALUE + 1);
    while (i < max && !Character.isWhitespace(t.charAt(i)) && !isClosing(t.charAt(i), open)) {
      i++;
    }
    if (i == max && max < n) {
      return; // longer than any credential: a blob some other rule judges
    }
    int e = i;
    if (open == 0) {
      // Sentence punctuation after an unquoted value is not part of it ("…is Tr0ub4dor&3xyz.").
      while (e > s && ".,;:)]}>".indexOf(t.charAt(e - 1)) >= 0) {
        e--;
      }
      if (wordThenMark(t, s, e)) {
        return; // "how should I rotate passwords safely?": a word ending a question
      }
    }
    if (e - s >= MIN_VALUE && Validators.credentialLike(t, s, e)) {
      sink.value(s, e);
      return;
    }
    int cut = open == 0 ? credentialBefore(t, s, e) : -1;
    if (cut > 0) {
      sink.value(s, cut);
    }
  }

  /** Whether {@code t[s, e)} is letters followed by '?' or '!' only. */
  private static boolean wordThenMark(CharSequence t, int s, int e) {
    int k = e;
    while (k > s && (t.charAt(k - 1) == '?' || t.charAt(k - 1) == '!')) {
      k--;
    }
    if (k == e || k == s) {
      return false;
    }
    for (int i = s; i < k; i++) {
      if (!Character.isLetter(t.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * End of the longest credential-like value {@code t[s, end)} that stops before one of the first
   * {@value #MAX_CUTS} punctuation chars of {@code t[s, e)} (from {@value #MIN_VALUE} chars on),
   * or -1. Punctuation glued to what follows ("…is Tr0ub4dor!3.->", "…is Tr0ub4dor!3~((“mongodb…")
   * may end a value anywhere in it; the first places are tried, where a credential ends, and no
   * more than a few, so a run of symbols costs no more than a few values.
   */
  static int credentialBefore(CharSequence t, int s, int e) {
    int best = -1;
    int tried = 0;
    for (int cut = s + MIN_VALUE; cut < e && tried < MAX_CUTS; cut++) {
      if (!Character.isLetterOrDigit(t.charAt(cut))) {
        tried++;
        if (Validators.credentialLike(t, s, cut)) {
          best = cut;
        }
      }
    }
    return best;
  }

  private static final int MAX_CUTS = 8;

  /**
   * Where the value starts if a link is at {@code i} (spaces allowed before it), else -1. A colon
   * may be followed by up to two line breaks (a credential printed on its own line).
   */
  private static int link(CharSequence t, int i, int n) {
    int k = i;
    while (k < n && (t.charAt(k) == ' ' || t.charAt(k) == '\t')) {
      k++;
    }
    if (k >= n) {
      return -1;
    }
    char c = t.charAt(k);
    if (c == ':' || c == '=' || c == '-' && k > i && k + 1 < n && t.charAt(k + 1) == ' '
        || c == '\u2013' || c == '\u2014') {
      k = skipEmphasis(t, k + 1, n);
      if (c == ':') {
        int breaks = 0;
        while (k < n && Character.isWhitespace(t.charAt(k))) {
          if (t.charAt(k) == '\n' && ++breaks > 2) {
            return -1;
          }
          k++;
        }
      }
      return k;
    }
    if (k == i) {
      return -1; // a word link needs a space before it
    }
    int w = wordEnd(t, k, n);
    String word = lower(t, k, w);
    switch (word) {
      case "is", "was", "are", "were", "equals", "reads" -> {
        return linkTail(t, w, n);
      }
      case "has", "have" -> {
        // "has been set to", "has been changed to"
        int b = nextWord(t, w, n);
        if (b < 0 || !lower(t, b, wordEnd(t, b, n)).equals("been")) {
          return -1;
        }
        int v = nextWord(t, wordEnd(t, b, n), n);
        if (v < 0 || !CHANGE.contains(lower(t, v, wordEnd(t, v, n)))) {
          return -1;
        }
        int to = nextWord(t, wordEnd(t, v, n), n);
        if (to < 0 || !lower(t, to, wordEnd(t, to, n)).equals("to")) {
          return -1;
        }
        return afterColon(t, wordEnd(t, to, n), n);
      }
      default -> {
        return -1;
      }
    }
  }

  private static final Set<String> CHANGE = Set.of("set", "changed", "reset", "updated",
      "rotated");
  private static final Set<String> ADVERBS = Set.of("now", "still", "currently", "simply",
      "just", "actually", "always", "literally");

  /** After "is": optional adverb, optional "set to" / "stored as" / "changed to", optional ':'. */
  private static int linkTail(CharSequence t, int w, int n) {
    int k = w;
    int next = nextWord(t, k, n);
    if (next >= 0 && ADVERBS.contains(lower(t, next, wordEnd(t, next, n)))) {
      k = wordEnd(t, next, n);
      next = nextWord(t, k, n);
    }
    if (next >= 0) {
      String verb = lower(t, next, wordEnd(t, next, n));
      if (CHANGE.contains(verb) || verb.equals("stored") || verb.equals("saved")) {
        int prep = nextWord(t, wordEnd(t, next, n), n);
        if (prep >= 0) {
          String p = lower(t, prep, wordEnd(t, prep, n));
          if (p.equals("to") || p.equals("as")) {
            k = wordEnd(t, prep, n);
          }
        }
      }
    }
    return afterColon(t, k, n);
  }

  private static int afterColon(CharSequence t, int k, int n) {
    int j = k;
    while (j < n && t.charAt(j) == ' ') {
      j++;
    }
    if (j < n && t.charAt(j) == ':') {
      return j + 1;
    }
    return k;
  }

  /**
   * End of a qualifier of at most {@link #MAX_QUALIFIER_WORDS} words ("for the staging
   * database", "you need", "(prod)"), stopping before a link word; {@code i} when none.
   */
  private static int qualifier(CharSequence t, int i, int n) {
    int k = i;
    int words = 0;
    while (words < MAX_QUALIFIER_WORDS) {
      int w = nextWord(t, k, n);
      if (w < 0) {
        return i;
      }
      int we = wordEnd(t, w, n);
      String word = lower(t, w, we);
      if (LINK_WORDS.contains(word)) {
        return words == 0 ? i : k;
      }
      k = we;
      while (k < n && (t.charAt(k) == ')' || t.charAt(k) == '\'' || t.charAt(k) == '*')) {
        k++;
      }
      words++;
      if (k < n && t.charAt(k) == ':') {
        return k; // "the password for prod: X"
      }
    }
    return i;
  }

  private static final Set<String> LINK_WORDS = Set.of("is", "was", "are", "were", "equals",
      "reads", "has", "have");

  /** Start of the next word after single spaces (or an opening parenthesis), else -1. */
  private static int nextWord(CharSequence t, int k, int n) {
    int j = k;
    int spaces = 0;
    while (j < n && (t.charAt(j) == ' ' || t.charAt(j) == '(') && spaces < 3) {
      j++;
      spaces++;
    }
    return j > k && j < n && isWordChar(t.charAt(j)) ? j : -1;
  }

  private static int wordEnd(CharSequence t, int k, int n) {
    int j = k;
    while (j < n && (isWordChar(t.charAt(j)) || t.charAt(j) == '-' || t.charAt(j) == '\'')) {
      j++;
    }
    return j;
  }

  /** The lower-cased word just before position {@code start} (skipping one separator). */
  private static String wordBefore(CharSequence t, int start) {
    int e = start;
    while (e > 0 && start - e < 2 && (t.charAt(e - 1) == ' ' || t.charAt(e - 1) == '_'
        || t.charAt(e - 1) == '-')) {
      e--;
    }
    int s = e;
    while (s > 0 && e - s < 24 && isWordChar(t.charAt(s - 1))) {
      s--;
    }
    return lower(t, s, e);
  }

  private static int skipEmphasis(CharSequence t, int i, int n) {
    int k = i;
    while (k < n && (t.charAt(k) == '*' || t.charAt(k) == '_')) {
      k++;
    }
    return k;
  }

  /** Letters, digits and the symbols passwords use; not ',', ';', ')' and the like. */
  private static boolean startsValue(char c) {
    return Character.isLetterOrDigit(c) || "!#$%&+=?@^~".indexOf(c) >= 0;
  }

  private static boolean isOpening(char c) {
    return c == '"' || c == '\'' || c == '`' || c == '*' || c == '\u201C' || c == '\u2018'
        || c == '\u00AB';
  }

  private static boolean isClosing(char c, char open) {
    if (open == 0) {
      return c == '"' || c == '`' || c == '\u201D' || c == '<';
    }
    return c == open || c == '\u201D' || c == '\u2019' || c == '\u00BB'
        || open == '*' && c == '*' || c == '`';
  }

  /** Letters, digits and '_': a noun inside a snake_case identifier is code, not prose. */
  private static boolean isWordChar(char c) {
    return c < 128 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || c == '_' : Character.isLetterOrDigit(c);
  }

  private static String lower(CharSequence t, int s, int e) {
    char[] c = new char[e - s];
    for (int k = s; k < e; k++) {
      char ch = t.charAt(k);
      c[k - s] = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
    }
    return new String(c);
  }
}
