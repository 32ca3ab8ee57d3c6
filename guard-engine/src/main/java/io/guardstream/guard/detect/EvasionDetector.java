package io.guardstream.guard.detect;

import io.guardstream.guard.text.NormalizedText;
import java.util.Locale;

/**
 * Type {@code evasion}: reports text that hides characters from people or from matchers
 * (Unicode tag characters, zero-width / format characters, bidi controls, homoglyph words),
 * counted while the normalised view is built.
 */
public final class EvasionDetector implements Detector {

  enum Signal { TAG_CHARACTERS, INVISIBLE_CHARACTERS, BIDI_CONTROLS, MIXED_SCRIPT }

  private final Signal signal;
  private final int minCount;

  private EvasionDetector(Signal signal, int minCount) {
    this.signal = signal;
    this.minCount = minCount;
  }

  /** The {@code evasion} detector type. */
  public static final class Type implements DetectorType {
    @Override
    public String name() {
      return "evasion";
    }

    @Override
    public Detector compile(Params p) {
      String s = p.string("signal", null, true);
      int minCount = p.integer("min_count", 1, 1, 1 << 20);
      p.rejectUnknown();
      if (s == null) {
        return null;
      }
      try {
        return new EvasionDetector(Signal.valueOf(s.toUpperCase(Locale.ROOT)), minCount);
      } catch (IllegalArgumentException e) {
        p.error("signal", "must be one of tag_characters, invisible_characters, bidi_controls,"
            + " mixed_script; was '" + s + "'");
        return null;
      }
    }
  }

  @Override
  public View view() {
    return View.NORMALIZED;
  }

  @Override
  public void detect(ScanContext ctx, Hits out) {
    NormalizedText n = ctx.normalized();
    int count;
    switch (signal) {
      case TAG_CHARACTERS:
        count = n.tagChars();
        break;
      case INVISIBLE_CHARACTERS:
        count = n.invisibleChars();
        break;
      case BIDI_CONTROLS:
        count = n.bidiControls();
        break;
      default:
        count = n.mixedScriptWords();
        break;
    }
    if (count >= minCount) {
      out.add(-1, -1, null, 1.0, count + " " + signal.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
  }
}
