package io.guardstream.guard.detect.pii;

import io.guardstream.guard.detect.Detector;
import io.guardstream.guard.detect.DetectorType;
import io.guardstream.guard.detect.Hits;
import io.guardstream.guard.detect.Params;
import io.guardstream.guard.detect.ScanContext;
import io.guardstream.guard.detect.SlotPool;
import io.guardstream.guard.detect.View;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Type {@code pii}: structured personal data found by hand-written linear scanners with
 * validators: e-mail addresses, phone numbers, payment cards (Luhn), IBANs (mod 97), US SSNs
 * (valid ranges), IPv4 / IPv6 addresses, and person names by their shape alone: a first name, a
 * middle initial and a last name ("Faina D. Yefremova"). Parameter {@code types} limits the entity types
 * reported; numbers are always classified against every type, so a rule limited to phone numbers
 * never reports a payment card as a phone number, whatever other rules ask for.
 */
public final class PiiDetector implements Detector {

  /** Entity types this detector reports (also their mask names). */
  public enum PiiType { EMAIL, PHONE_NUMBER, CREDIT_CARD, IBAN, US_SSN, IP_ADDRESS, PERSON }

  private static final Set<PiiType> ALL = EnumSet.allOf(PiiType.class);

  /** Types reported; null when all are. */
  private final Set<PiiType> reported;

  PiiDetector(Set<PiiType> types) {
    this.reported = types.containsAll(ALL) ? null : EnumSet.copyOf(types);
  }

  /** The {@code pii} detector type. */
  public static final class Type implements DetectorType {
    @Override
    public String name() {
      return "pii";
    }

    @Override
    public Detector compile(Params p) {
      List<String> names = p.strings("types", false);
      p.rejectUnknown();
      Set<PiiType> types = EnumSet.noneOf(PiiType.class);
      if (names.isEmpty()) {
        types = EnumSet.allOf(PiiType.class);
      }
      for (String n : names) {
        try {
          types.add(PiiType.valueOf(n.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          p.error("types", "unknown PII type '" + n + "' (known: "
              + EnumSet.allOf(PiiType.class) + ")");
        }
      }
      return new PiiDetector(types);
    }
  }

  @Override
  public View view() {
    return View.RAW;
  }

  @Override
  public void detect(ScanContext ctx, Hits hits) {
    CharSequence text = ctx.text();
    Memo memo = MEMO.borrow();
    try {
      if (memo.text != text || memo.length != text.length()) {
        memo.clear(text);
        scan(text, memo);
      }
      for (int k = 0; k < memo.count; k++) {
        PiiType type = memo.types[k];
        if (reported == null || reported.contains(type)) {
          hits.add(memo.spans[2 * k], memo.spans[2 * k + 1], type.name(), memo.confidence[k],
              memo.messages[k]);
        }
      }
    } finally {
      MEMO.giveBack(memo);
    }
  }

  /**
   * The hits of the text each memo scanned last. Rules that report different PII types of the
   * same text (contact details at one severity, payment identifiers at another) scan it once: a
   * thread mostly gets back the memo it filled. Texts are compared by identity: the engine hands
   * every raw-view rule the same immutable string.
   */
  private static final SlotPool<Memo> MEMO = new SlotPool<>(Memo::new);

  private static final class Memo implements Hits {
    CharSequence text;
    int length;
    int count;
    int[] spans = new int[32];
    PiiType[] types = new PiiType[16];
    double[] confidence = new double[16];
    String[] messages = new String[16];

    void clear(CharSequence t) {
      text = t;
      length = t.length();
      count = 0;
    }

    @Override
    public void add(int start, int end, String entityType, double conf, String message) {
      if (count == types.length) {
        spans = java.util.Arrays.copyOf(spans, 4 * count);
        types = java.util.Arrays.copyOf(types, 2 * count);
        confidence = java.util.Arrays.copyOf(confidence, 2 * count);
        messages = java.util.Arrays.copyOf(messages, 2 * count);
      }
      spans[2 * count] = start;
      spans[2 * count + 1] = end;
      types[count] = PiiType.valueOf(entityType);
      confidence[count] = conf;
      messages[count] = message;
      count++;
    }
  }

  /**
   * Runs every scanner, whatever the rule reports: each consumes what it recognises, so the
   * digits of an IBAN are never read as a phone number by a rule that does not report IBANs.
   */
  private static void scan(CharSequence text, Hits out) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '@') {
        int end = Scanners.email(text, i, out);
        i = Math.max(i + 1, end);
        continue;
      }
      if (c == '[' || c == '(' || c == '{') {
        int end = Scanners.obfuscatedEmail(text, i, out);
        if (end > i + 1) {
          i = end;
          continue;
        }
      }
      if (i > 0 && isAsciiLetterOrDigit(c) && isAsciiLetterOrDigit(text.charAt(i - 1))) {
        i++; // inside a word: numbers and IBANs only start at word starts
        continue;
      }
      if (Scanners.numberStart(text, i)) {
        int end = Scanners.number(text, i, out);
        i = Math.max(i + 1, end);
        continue;
      }
      if (c == ':') {
        int end = Scanners.ipv6(text, i, out);
        i = Math.max(i + 1, end);
        continue;
      }
      if (Scanners.ibanStart(text, i)) {
        int end = Scanners.iban(text, i, out);
        if (end > i) {
          i = end;
          continue;
        }
      }
      if (c >= 'A' && c <= 'Z' && Scanners.initialStart(text, i)) {
        int end = Scanners.initialName(text, i, out);
        if (end > i) {
          i = end;
          continue;
        }
      }
      i++;
      if (isAsciiLetterOrDigit(c)) {
        // The rest of the word can start nothing: skip it in one tight loop.
        while (i < n && isAsciiLetterOrDigit(text.charAt(i))) {
          i++;
        }
      }
    }
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }
}
