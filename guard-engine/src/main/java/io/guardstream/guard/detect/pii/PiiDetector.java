package io.guardstream.guard.detect.pii;

import io.guardstream.guard.detect.Detector;
import io.guardstream.guard.detect.DetectorType;
import io.guardstream.guard.detect.Hits;
import io.guardstream.guard.detect.Params;
import io.guardstream.guard.detect.ScanContext;
import io.guardstream.guard.detect.View;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Type {@code pii}: structured personal data found by hand-written linear scanners with
 * validators: e-mail addresses, phone numbers, payment cards (Luhn), IBANs (mod 97), US SSNs
 * (valid ranges) and IPv4 / IPv6 addresses. Parameter {@code types} limits the entity types.
 */
public final class PiiDetector implements Detector {

  /** Entity types this detector reports (also their mask names). */
  public enum PiiType { EMAIL, PHONE_NUMBER, CREDIT_CARD, IBAN, US_SSN, IP_ADDRESS }

  private final Set<PiiType> types;

  PiiDetector(Set<PiiType> types) {
    this.types = types;
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
  public void detect(ScanContext ctx, Hits out) {
    CharSequence text = ctx.text();
    int n = text.length();
    boolean iban = types.contains(PiiType.IBAN);
    boolean numbers = types.contains(PiiType.PHONE_NUMBER) || types.contains(PiiType.CREDIT_CARD)
        || types.contains(PiiType.US_SSN) || types.contains(PiiType.IP_ADDRESS);
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c >= 'a' && c <= 'z' && !iban) {
        i++; // nothing starts on a lower-case letter except an IBAN
        continue;
      }
      if (c == '@' && types.contains(PiiType.EMAIL)) {
        int end = Scanners.email(text, i, out);
        i = Math.max(i + 1, end);
        continue;
      }
      if (numbers && Scanners.numberStart(text, i)) {
        int end = Scanners.number(text, i, types, out);
        i = Math.max(i + 1, end);
        continue;
      }
      if (c == ':' && types.contains(PiiType.IP_ADDRESS)) {
        int end = Scanners.ipv6(text, i, out);
        i = Math.max(i + 1, end);
        continue;
      }
      if (iban && Scanners.ibanStart(text, i)) {
        int end = Scanners.iban(text, i, out);
        if (end > i) {
          i = end;
          continue;
        }
      }
      i++;
    }
  }
}
