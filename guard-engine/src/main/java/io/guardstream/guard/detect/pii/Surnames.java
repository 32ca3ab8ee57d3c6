package io.guardstream.guard.detect.pii;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a capitalised word is a surname: listed in {@code surnames.txt}, or shaped like one by
 * an ending that English words and place names (almost) never have: "-sson", "-dóttir", "-ová",
 * "-ović", "-ski", "-enko", "-escu", "-poulos", "-shvili", "-oğlu", "O'…". Lets a pair like
 * "Kira Fransson" count as a name although "Kira" is in no list.
 */
final class Surnames {
  private Surnames() {}

  /**
   * Endings by the shortest word each marks as a surname (index = length): "Ov", "Lesson" and
   * "Linen" are none.
   */
  private static final String[][] ENDINGS = {
      {}, {}, {}, {},
      {"ić", "ič"},
      {"ová", "ov", "ev", "ez"},
      {"nsen", "lsen", "rsen", "ssen", "dsen", "tsen", "ksen", "usen", "dóttir", "dottir", "ova",
          "eva", "ovna", "evna", "ovic", "evic", "ski", "ska", "sky", "cki", "cka", "skyi", "skiy",
          "enko", "escu", "eanu", "idis", "yan", "oglu", "oğlu", "dze", "wicz", "witz", "ström",
          "moto", "mura"},
      {"sson", "skaya", "iadis", "zadeh", "nen", "qvist", "kvist", "gren", "hashi", "shita"},
      {"poulos", "opoulou", "shvili", "bayashi"}};

  /** Words with such an ending that are words or places, not surnames. */
  private static final Set<String> EXCEPTIONS = Set.of(
      "worsen", "coarsen", "moldova", "supernova", "villanova", "genova", "jehova", "geneva",
      "alaska", "nebraska", "athabaska", "whisky", "frisky");

  static boolean is(String t, int s, int e) {
    return NameList.SURNAMES.contains(t, s, e) || irishOrScottish(t, s, e) || shaped(t, s, e);
  }

  /** {@link #is} for a word written in lower case ("krylova", "andersson"). */
  static boolean isLowerCase(String t, int s, int e) {
    return NameList.SURNAMES.containsCapitalised(t, s, e) || shaped(t, s, e);
  }

  /** Whether {@code t[s, e)} ends like a surname ("-sson", "-ová", "-ić"), in any case. */
  static boolean shaped(String t, int s, int e) {
    char last = t.charAt(e - 1);
    Ending[] candidates = last < 128 ? BY_LAST_ASCII[last] : BY_LAST_OTHER.get(last);
    if (candidates == null) {
      return false;
    }
    for (Ending ending : candidates) {
      if (e - s >= ending.minLength() && endsWith(t, e, ending.text())) {
        return !EXCEPTIONS.contains(t.substring(s, e).toLowerCase(Locale.ROOT));
      }
    }
    return false;
  }

  private record Ending(String text, int minLength) {}

  /** {@link #ENDINGS} by their last char: a word is compared with the few that can match. */
  private static final Ending[][] BY_LAST_ASCII = new Ending[128][];
  private static final java.util.Map<Character, Ending[]> BY_LAST_OTHER = new java.util.HashMap<>();

  static {
    java.util.Map<Character, java.util.List<Ending>> byLast = new java.util.TreeMap<>();
    for (int min = 0; min < ENDINGS.length; min++) {
      for (String ending : ENDINGS[min]) {
        byLast.computeIfAbsent(ending.charAt(ending.length() - 1), c -> new java.util.ArrayList<>())
            .add(new Ending(ending, min));
      }
    }
    byLast.forEach((c, list) -> {
      Ending[] endings = list.toArray(new Ending[0]);
      if (c < 128) {
        BY_LAST_ASCII[c] = endings;
      } else {
        BY_LAST_OTHER.put(c, endings);
      }
    });
  }


  /** "O'Brien", "McDowell", "MacLeod". */
  private static boolean irishOrScottish(String t, int s, int e) {
    int len = e - s;
    return len >= 5 && t.charAt(s) == 'O' && (t.charAt(s + 1) == '\'' || t.charAt(s + 1) == '’')
            && Character.isUpperCase(t.charAt(s + 2))
        || len >= 5 && t.charAt(s) == 'M' && t.charAt(s + 1) == 'c'
            && Character.isUpperCase(t.charAt(s + 2))
        || len >= 6 && t.charAt(s) == 'M' && t.charAt(s + 1) == 'a' && t.charAt(s + 2) == 'c'
            && Character.isUpperCase(t.charAt(s + 3));
  }

  private static boolean endsWith(String t, int e, String ending) {
    int n = ending.length();
    for (int k = 0; k < n; k++) {
      if (t.charAt(e - n + k) != ending.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
