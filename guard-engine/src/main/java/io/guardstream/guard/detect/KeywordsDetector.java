package io.guardstream.guard.detect;

import io.guardstream.guard.text.Rot13;
import io.guardstream.guard.text.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Type {@code keywords}: literal words and phrases, all found in one Aho–Corasick pass shared
 * with every other rule. On the normalised view phrases are normalised the same way as the
 * text (so case, punctuation, homoglyphs and leetspeak do not matter) and their rot13 forms are
 * matched too.
 */
public final class KeywordsDetector implements Detector {
  /** Phrases shorter than this (letters) get no rot13 twin: too likely to collide. */
  static final int MIN_ROT13_LETTERS = 10;

  private final View view;
  private final List<String> triggers;
  private final boolean[] rot13;
  private final boolean wholeWords;
  /** Length of the longest phrase: how far a phrase containing another can reach. */
  private final int longest;

  private KeywordsDetector(View view, List<String> triggers, boolean[] rot13, boolean wholeWords) {
    this.view = view;
    this.triggers = triggers;
    this.rot13 = rot13;
    this.wholeWords = wholeWords;
    this.longest = triggers.stream().mapToInt(String::length).max().orElse(0);
  }

  /** The {@code keywords} detector type. */
  public static final class Type implements DetectorType {
    @Override
    public String name() {
      return "keywords";
    }

    @Override
    public Detector compile(Params p) {
      List<String> phrases = p.strings("phrases", true);
      View view = RegexDetector.parseView(p, View.NORMALIZED);
      boolean wholeWords = p.bool("whole_words", true);
      boolean withRot13 = p.bool("rot13", view == View.NORMALIZED);
      p.rejectUnknown();
      Set<String> literals = new LinkedHashSet<>();
      for (int i = 0; i < phrases.size(); i++) {
        String phrase = phrases.get(i);
        String lit = view == View.NORMALIZED
            ? TextNormalizer.normalize(phrase, phrase.length()).toString()
            : phrase;
        if (lit.isEmpty()) {
          p.error("phrases[" + i + "]", "has no letters or digits");
        } else {
          literals.add(lit);
        }
      }
      List<String> triggers = new ArrayList<>(literals);
      int plain = triggers.size();
      if (withRot13) {
        for (int i = 0; i < plain; i++) {
          String lit = triggers.get(i);
          if (letters(lit) >= MIN_ROT13_LETTERS && !literals.contains(Rot13.of(lit))) {
            triggers.add(Rot13.of(lit));
          }
        }
      }
      boolean[] isRot = new boolean[triggers.size()];
      for (int i = plain; i < isRot.length; i++) {
        isRot[i] = true;
      }
      return new KeywordsDetector(view, List.copyOf(triggers), isRot, wholeWords);
    }
  }

  static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  @Override
  public View view() {
    return view;
  }

  @Override
  public List<String> triggers() {
    return triggers;
  }

  @Override
  public void detect(ScanContext ctx, Hits out) {
    CharSequence text = ctx.text();
    for (int k = 0; k < ctx.triggerCount(); k++) {
      int s = ctx.triggerStart(k);
      int e = ctx.triggerEnd(k);
      if (!counts(text, s, e) || insideLongerPhrase(ctx, text, k)) {
        continue;
      }
      int id = ctx.trigger(k);
      out.add(s, e, null, 1.0, rot13[id] ? "phrase matched (rot13-encoded)" : "phrase matched");
    }
  }

  private boolean counts(CharSequence text, int s, int e) {
    return !wholeWords || !isWordChar(text, s - 1) && !isWordChar(text, e);
  }

  /**
   * Whether occurrence {@code k} lies inside a longer phrase found at the same place ("content
   * policy" in "openai content policy"): one mention, so it must not add up as two. Occurrences
   * come ordered by end, so a container ends at or after {@code k}, at most the longest phrase
   * after its start.
   */
  private boolean insideLongerPhrase(ScanContext ctx, CharSequence text, int k) {
    int s = ctx.triggerStart(k);
    int e = ctx.triggerEnd(k);
    for (int j = k - 1; j >= 0 && ctx.triggerEnd(j) == e; j--) {
      if (ctx.triggerStart(j) < s && counts(text, ctx.triggerStart(j), e)) {
        return true;
      }
    }
    for (int j = k + 1; j < ctx.triggerCount() && ctx.triggerEnd(j) - s <= longest; j++) {
      int sj = ctx.triggerStart(j);
      if (sj <= s && ctx.triggerEnd(j) - sj > e - s && counts(text, sj, ctx.triggerEnd(j))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWordChar(CharSequence text, int i) {
    return i >= 0 && i < text.length() && Character.isLetterOrDigit(text.charAt(i));
  }
}
