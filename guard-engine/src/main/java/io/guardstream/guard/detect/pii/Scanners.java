package io.guardstream.guard.detect.pii;

import io.guardstream.guard.detect.Hits;
import io.guardstream.guard.detect.Validators;
import io.guardstream.guard.detect.pii.PiiDetector.PiiType;

/** The linear scanners behind {@link PiiDetector}; each returns where scanning may resume. */
final class Scanners {
  private Scanners() {}

  private static final int MAX_GROUPS = 16;

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Local-part chars: letters of any script ("müller"), digits, and . _ % + - ' ("o'neil"). */
  private static boolean isLocalChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+'
        || c == '-' || c == '\'';
  }

  private static boolean isDomainChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '-';
  }

  /** E-mail address around the '@' at {@code at}. */
  static int email(CharSequence t, int at, Hits out) {
    int n = t.length();
    int s = at;
    while (s > 0 && at - s < 64 && isLocalChar(t.charAt(s - 1))) {
      s--;
    }
    while (s < at && (t.charAt(s) == '.' || t.charAt(s) == '-' || t.charAt(s) == '\'')) {
      s++; // a quote before the address is not part of it: 'jane@example.com'
    }
    if (s == at || s > 0 && (t.charAt(s - 1) == '/' || t.charAt(s - 1) == ':'
        && afterScheme(t, s - 1))) {
      return at + 1; // nothing before '@', or URL credentials (scheme://user:pass@host)
    }
    int e = at + 1;
    while (e < n && e - at < 255 && isDomainChar(t.charAt(e))) {
      e++;
    }
    while (e > at + 1 && (t.charAt(e - 1) == '.' || t.charAt(e - 1) == '-'
        || t.charAt(e - 1) == '_')) {
      e--; // sentence end, or markdown italics: "_jane@example.com_"
    }
    int lastDot = -1;
    for (int k = at + 1; k < e; k++) {
      if (t.charAt(k) == '.') {
        if (k == at + 1 || t.charAt(k - 1) == '.') {
          return e; // empty label
        }
        lastDot = k;
      }
    }
    if (lastDot < 0 || !topLevelDomain(t, lastDot + 1, e)) {
      return e;
    }
    out.add(s, e, PiiType.EMAIL.name(), 0.99, "e-mail address");
    return e;
  }

  /**
   * An e-mail address written to dodge scrapers, with its '@' at {@code open} spelled out in
   * brackets and its dots maybe too: "max.m[at]example.de", "jane (at) gmail (dot) com". Returns
   * the end of the address, or {@code open + 1}.
   */
  static int obfuscatedEmail(CharSequence t, int open, Hits out) {
    int n = t.length();
    int after = spelledMark(t, open, "at");
    if (after < 0) {
      return open + 1;
    }
    int s = open > 0 && t.charAt(open - 1) == ' ' ? open - 1 : open;
    int localEnd = s;
    while (s > 0 && localEnd - s < 64) {
      if (isLocalChar(t.charAt(s - 1))) {
        s--;
        continue;
      }
      int dot = dotBefore(t, s); // "jane(dot)doe(at)…"
      if (dot <= 0 || !isLocalChar(t.charAt(dot - 1))) {
        break;
      }
      s = dot;
    }
    while (s < localEnd && (t.charAt(s) == '.' || t.charAt(s) == '-' || t.charAt(s) == '\'')) {
      s++;
    }
    if (s == localEnd) {
      return open + 1;
    }
    int k = after < n && t.charAt(after) == ' ' ? after + 1 : after;
    int labels = 0;
    int lastStart = -1;
    int end = -1;
    while (k < n && k - after < 255) {
      int labelStart = k;
      while (k < n && (Character.isLetterOrDigit(t.charAt(k)) || t.charAt(k) == '-')) {
        k++;
      }
      if (k == labelStart) {
        break;
      }
      labels++;
      lastStart = labelStart;
      end = k;
      boolean plainDot = k + 1 < n && t.charAt(k) == '.' && Character.isLetterOrDigit(t.charAt(k + 1));
      int next = plainDot ? k + 1 : dotAfter(t, k);
      if (next < 0) {
        break;
      }
      k = next;
    }
    if (labels < 2 || !topLevelDomain(t, lastStart, end)) {
      return open + 1;
    }
    out.add(s, end, PiiType.EMAIL.name(), 0.9, "e-mail address, its '@' spelled out");
    return end;
  }

  /** After a spelled-out dot at {@code k} (" [dot] ", "(dot)"), the next label's start, or -1. */
  private static int dotAfter(CharSequence t, int k) {
    int open = k < t.length() && t.charAt(k) == ' ' ? k + 1 : k;
    int after = spelledMark(t, open, "dot");
    if (after < 0) {
      return -1;
    }
    return after < t.length() && t.charAt(after) == ' ' ? after + 1 : after;
  }

  /** Whether {@code t[s, e)} is a top-level domain: two letters or more, letters only. */
  private static boolean topLevelDomain(CharSequence t, int s, int e) {
    if (e - s < 2) {
      return false;
    }
    for (int k = s; k < e; k++) {
      if (!Character.isLetter(t.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** Where a spelled-out dot ending right before {@code k} (" (dot) ") starts, or -1. */
  private static int dotBefore(CharSequence t, int k) {
    int close = k > 0 && t.charAt(k - 1) == ' ' ? k - 1 : k;
    int open = close - 5;
    if (open < 0 || spelledMark(t, open, "dot") != close) {
      return -1;
    }
    return open > 0 && t.charAt(open - 1) == ' ' ? open - 1 : open;
  }

  /** The index after "[word]", "(word)" or "{word}" (any case) at {@code open}, or -1. */
  private static int spelledMark(CharSequence t, int open, String word) {
    int close = open + word.length() + 1;
    if (close >= t.length()) {
      return -1;
    }
    char o = t.charAt(open);
    char c = t.charAt(close);
    boolean pair = o == '[' && c == ']' || o == '(' && c == ')' || o == '{' && c == '}';
    if (!pair) {
      return -1;
    }
    for (int j = 0; j < word.length(); j++) {
      if (Character.toLowerCase(t.charAt(open + 1 + j)) != word.charAt(j)) {
        return -1;
      }
    }
    return close + 1;
  }

  /** Whether the token holding {@code i} has a "//" before it ("scheme://user:"), not "note:". */
  private static boolean afterScheme(CharSequence t, int i) {
    for (int k = i - 1; k > 0 && i - k < 256 && !Character.isWhitespace(t.charAt(k)); k--) {
      if (t.charAt(k) == '/' && t.charAt(k - 1) == '/') {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code i} holds a capital alone, after a space and before ". " or " ": an initial. */
  static boolean initialStart(CharSequence t, int i) {
    int n = t.length();
    if (i == 0 || i + 3 >= n || t.charAt(i - 1) != ' ') {
      return false;
    }
    char next = t.charAt(i + 1);
    return next == ' ' || next == '.' && t.charAt(i + 2) == ' ';
  }

  /**
   * A person's name around the middle initial at {@code i}: "Faina D. Yefremova", "Kate M Begum".
   * Both names are capitalised words of two letters or more; words that name things rather than
   * people ("World War I", "Vitamin D", "Plan B") or start a sentence or a title ("College A.
   * While …", "Dip For A Crowd", "Does Not Give A Damn") do not count. Returns the end of the
   * name, or {@code i}.
   */
  static int initialName(CharSequence t, int i, Hits out) {
    int n = t.length();
    int firstEnd = i - 1;
    int firstStart = firstEnd;
    while (firstStart > 0 && nameChar(t.charAt(firstStart - 1))) {
      firstStart--;
    }
    if (!nameWord(t, firstStart, firstEnd)
        || firstStart > 0 && (Character.isLetterOrDigit(t.charAt(firstStart - 1))
            || t.charAt(firstStart - 1) == '.')) {
      return i;
    }
    int lastStart = t.charAt(i + 1) == '.' ? i + 3 : i + 2;
    int lastEnd = lastStart;
    while (lastEnd < n && nameChar(t.charAt(lastEnd))) {
      lastEnd++;
    }
    if (lastEnd - lastStart > 3 && t.charAt(lastEnd - 2) == '\'' && t.charAt(lastEnd - 1) == 's') {
      lastEnd -= 2; // "Yefremova's"
    }
    if (!nameWord(t, lastStart, lastEnd)
        || lastEnd < n && Character.isLetterOrDigit(t.charAt(lastEnd))) {
      return i;
    }
    char initial = t.charAt(i);
    if ((initial == 'A' || initial == 'I') && t.charAt(i + 1) == ' '
        && capitalisedWordBefore(t, firstStart)) {
      return i; // Title Case: "Does Not Give A Damn", "When I Was"
    }
    String first = t.subSequence(firstStart, firstEnd).toString();
    String last = t.subSequence(lastStart, lastEnd).toString();
    if (NOT_FIRST_NAMES.contains(first) || NOT_LAST_NAMES.contains(last)) {
      return i;
    }
    out.add(firstStart, lastEnd, PiiType.PERSON.name(), 0.7, "person name with a middle initial");
    return lastEnd;
  }

  /** Whether a capitalised word ends one space before {@code s}. */
  private static boolean capitalisedWordBefore(CharSequence t, int s) {
    int k = s - 1;
    if (k < 1 || t.charAt(k) != ' ' || !Character.isLetter(t.charAt(k - 1))) {
      return false;
    }
    while (k > 0 && Character.isLetter(t.charAt(k - 1))) {
      k--;
    }
    return Character.isUpperCase(t.charAt(k));
  }

  private static boolean nameChar(char c) {
    return Character.isLetter(c) || c == '-' || c == '\'';
  }

  /** A capital, then two or more letters, lower case after the first (hyphens and apostrophes too). */
  static boolean nameWord(CharSequence t, int s, int e) {
    if (e - s < 2 || !Character.isUpperCase(t.charAt(s))) {
      return false;
    }
    for (int k = s + 1; k < e; k++) {
      char c = t.charAt(k);
      if (Character.isUpperCase(c) && t.charAt(k - 1) != '-' && t.charAt(k - 1) != '\'') {
        return false; // capitals inside a word name things: "iPhone X", "DataFrame A"
      }
    }
    return Character.isLowerCase(t.charAt(e - 1));
  }

  /** Words before a single capital that make it a label, a number or a grade, not an initial. */
  private static final java.util.Set<String> NOT_FIRST_NAMES = java.util.Set.of(
      "The", "A", "An", "Of", "For", "In", "On", "At", "To", "By", "With", "From", "And", "Or",
      "But", "Is", "Are", "Was", "As", "Into", "Over", "Under", "Vs", "Via", "Per", "Than",
      "War", "Vitamin", "Type", "Plan", "Grade", "Part", "Section", "Class", "Group", "Appendix",
      "Exhibit", "Schedule", "Form", "Model", "Series", "Level", "Category", "Phase", "Stage",
      "Block", "Row", "Zone", "Option", "Route", "Team", "Figure", "Fig", "Table", "Chapter",
      "Unit", "Building", "Room", "Gate", "Terminal", "Platform", "Track", "Volume", "Vol", "Book",
      "Act", "Scene", "Article", "Amendment", "Title", "Division", "Department", "College",
      "School", "Company", "Hepatitis", "Ball", "Day", "Week", "Step", "Version", "Size", "Blood",
      "Rank", "Tier", "Sector", "Area", "Lot", "Floor", "Wing", "Ward", "Pier", "Dock", "Bay",
      "Hall", "Field", "Rating", "Score", "Letter", "Note", "Key", "Major", "Minor", "Sharp",
      "Flat", "Channel", "Line", "Lane", "Street", "Avenue", "Road", "Highway", "Interstate",
      "Star", "Sample", "Test", "Case", "Item", "Question", "Answer", "Choice", "Candidate",
      "Player", "Person", "User", "Customer", "Patient", "Subject", "Participant",
      "Product", "Project", "Task", "Exercise", "Problem", "Example", "Point", "Node", "Vector",
      "Matrix", "Set", "Region", "Province", "District", "Plate", "Panel", "Box", "Battery",
      "Cup", "Base", "Pattern", "Strategy", "Scenario", "Approach", "Method", "Generation", "Gen",
      "Formula", "Element", "Station", "Kid", "Wave", "Camp", "Site", "Lab", "Factor", "Agent");

  /** Words after a single capital that start a sentence or continue a title, not a last name. */
  private static final java.util.Set<String> NOT_LAST_NAMES = java.util.Set.of(
      "The", "A", "An", "Of", "For", "In", "On", "At", "To", "By", "With", "From", "And", "Or",
      "But", "If", "It", "Its", "This", "That", "These", "Those", "He", "She", "They", "We", "You",
      "My", "Your", "Our", "Their", "His", "Her", "While", "When", "Where", "What", "Who", "Why",
      "How", "After", "Before", "Then", "So", "As", "Also", "However", "Is", "Are", "Was", "Were",
      "Be", "Has", "Have", "Had", "Do", "Does", "Did", "Can", "Could", "Will", "Would", "Should",
      "May", "Might", "Must", "Not", "No", "Yes", "All", "Each", "Every", "Some", "Any", "Many",
      "Most", "More", "Other", "Such", "Here", "There", "Now", "Today", "Finally", "First",
      "Second", "Next", "Thus", "Therefore", "Although", "Because", "Since", "Until", "Unlike",
      "During", "Let", "Please", "Note", "See", "Use", "Make", "Take", "Explain", "Describe",
      "Write", "Give", "Find", "Says", "Said", "Vs", "Versus",
      // Names of firms and places end so.
      "Corporation", "Corp", "Inc", "Ltd", "Company", "Group", "Street", "Road", "Avenue",
      "Boulevard", "Drive", "Square", "Station", "Airport", "University", "College",
      "School", "Hospital", "Bank", "Hotel");

  /** Whether a capitalised word after a first name starts a sentence or names a firm or place. */
  static boolean notLastName(String word) {
    return NOT_LAST_NAMES.contains(word);
  }

  /** Whether a digit run (phone, card, SSN, IPv4) may start at {@code i}. */
  static boolean numberStart(CharSequence t, int i) {
    char c = t.charAt(i);
    int n = t.length();
    boolean ok = isDigit(c) || (c == '+' || c == '(') && i + 1 < n && isDigit(t.charAt(i + 1));
    if (!ok || i == 0) {
      return ok;
    }
    char p = t.charAt(i - 1);
    return !(Character.isLetterOrDigit(p) || p == '_' || p == '.' || p == '-' || p == '/'
        || p == '+' || p == '$' || p == '#' || p == ':' && c != '+' && !valueAfterColon(t, i));
  }

  /**
   * Whether the digits at {@code i}, right after a ':', start a value ("card:4111…",
   * "ip:10.0.0.1") rather than the next field of a time or a ratio ("10:30:45", "3:1").
   */
  private static boolean valueAfterColon(CharSequence t, int i) {
    int m = i - 1;
    while (m > 0 && (t.charAt(m - 1) >= 'A' && t.charAt(m - 1) <= 'Z' || t.charAt(m - 1) == '_')) {
      m--;
    }
    if (m > 0 && m < i - 1 && t.charAt(m - 1) == '[') {
      return false; // a pseudonym's token: "[CREDIT_CARD:611937123456]"
    }
    int k = i;
    while (k < t.length() && isDigit(t.charAt(k))) {
      k++;
    }
    return k - i >= 3 || k + 1 < t.length() && t.charAt(k) == '.' && isDigit(t.charAt(k + 1));
  }

  private static final int SPACE = 1;
  private static final int DASH = 2;
  private static final int DOT = 4;
  private static final int PAREN = 8;
  /** Only after an area code: "030/1234567" (German), not "12/2024" or "1/2". */
  private static final int SLASH = 16;

  /**
   * Phone number, payment card, US SSN or IPv4 address starting at {@code i}. The run of digit
   * groups is classified whole; if it is nothing, shorter runs (dropping trailing groups) are
   * tried, so a card number followed by another number is still found. A run too long for one
   * number is cut; the next run starts at the first of its last groups that nothing claimed, so a
   * card across the cut ("555-1001 0 4111 1111 1111 1111") is read whole.
   */
  static int number(CharSequence t, int i, Hits out) {
    int r = run(t, i, out);
    while (r < 0) {
      r = run(t, -1 - r, out);
    }
    return r;
  }

  /** Groups a card can span beyond the first: 6 groups of 3 digits are the most 19 digits hold. */
  private static final int REWIND_GROUPS = 5;

  /** One run of {@link #number}: its end, or {@code -1 - next} when it was cut before {@code next}. */
  private static int run(CharSequence t, int at, Hits out) {
    int n = t.length();
    // "(4111 1111 1111 1111)": brackets around the whole number, not around an area code.
    int i = t.charAt(at) == '(' && !areaCodeInBrackets(t, at + 1) ? at + 1 : at;
    int shortEnd = loneShortRun(t, i, n);
    if (shortEnd >= 0) {
      // Fewer than 7 digits and nothing joined to them: no phone number, card, SSN or IPv4.
      int extEnd = extension(t, shortEnd);
      if (extEnd == shortEnd && shortEnd < n && Character.isLetterOrDigit(t.charAt(shortEnd))) {
        return skipToken(t, shortEnd);
      }
      return Math.max(extEnd, shortEnd);
    }
    int[] groups = new int[MAX_GROUPS];
    int[] groupEnd = new int[MAX_GROUPS];
    int[] groupStart = new int[MAX_GROUPS];
    int[] sepBefore = new int[MAX_GROUPS]; // separator kinds before each group
    int count = 0;
    int digits = 0;
    boolean plus = t.charAt(i) == '+';
    int k = plus ? i + 1 : i;
    int resume = -1;
    int pendingSep = t.charAt(k) == '(' ? PAREN : 0;
    if (pendingSep != 0) {
      k++;
    }
    while (k < n) {
      char c = t.charAt(k);
      if (isDigit(c)) {
        int s = k;
        while (k < n && isDigit(t.charAt(k))) {
          k++;
        }
        if (count > 0 && (count == MAX_GROUPS || digits + k - s > 19)) {
          resume = s; // too long for one number: this group starts the next one
          break;
        }
        if (k - s > 19) {
          return skipToken(t, k);
        }
        sepBefore[count] = pendingSep;
        groupStart[count] = s;
        groups[count] = k - s;
        groupEnd[count] = k;
        count++;
        digits += k - s;
        continue;
      }
      int s = k;
      int kinds = 0;
      while (k < n && k - s < 3) {
        char d = t.charAt(k);
        int kind = d == ' ' ? SPACE : d == '-' ? DASH : d == '.' ? DOT : d == '(' || d == ')' ? PAREN
            : d == '/' && count == 1 && areaCode(t, groupStart[0], groups[0]) ? SLASH : 0;
        if (kind == 0) {
          break;
        }
        kinds |= kind;
        k++;
      }
      int len = k - s;
      int plain = kinds & ~PAREN;
      if (len == 0 || k >= n || !isDigit(t.charAt(k)) || len > 1 && (kinds & PAREN) == 0
          || Integer.bitCount(plain) > 1) {
        break;
      }
      pendingSep = kinds;
    }
    if (count == 0) {
      return k;
    }
    int end = groupEnd[count - 1];
    int extEnd = resume >= 0 ? end : extension(t, end);
    if (resume < 0 && extEnd == end && end < n && Character.isLetterOrDigit(t.charAt(end))) {
      // The last group is glued to a word ("0a"): it is not part of the number.
      if (count == 1) {
        return skipToken(t, end);
      }
      count--;
      end = groupEnd[count - 1];
      extEnd = end;
    }
    // Validated formats first (card, SSN, IP): the longest run of groups from each position.
    // Then a phone number, from the run's start only, before the first validated match.
    int a = 0;
    int done = -1;
    int firstStructured = count;
    while (a < count) {
      int found = -1;
      for (int b = count; b > a && found < 0; b--) {
        if (tryRun(t, i, a, b, count, groups, groupStart, groupEnd, sepBefore, plus, extEnd,
            out, false)) {
          found = b;
          done = Math.max(done, b == count ? Math.max(extEnd, groupEnd[b - 1]) : groupEnd[b - 1]);
          firstStructured = Math.min(firstStructured, a);
        }
      }
      a = found > 0 ? found : a + 1;
    }
    // Six or more pairs ("61 63 63 65 73 73 20"): bytes in hex or decimal, no phone number in
    // them - unless a "+" and a country code lead ("+33 6 12 34 56 78").
    int phoneFrom = !plus && count >= 6 && maxGroup(groups, count) == 2 ? 0 : firstStructured;
    for (int b = phoneFrom; b > 0; b--) {
      if (tryRun(t, i, 0, b, count, groups, groupStart, groupEnd, sepBefore, plus, extEnd,
          out, true)) {
        done = Math.max(done, b == count ? Math.max(extEnd, groupEnd[b - 1]) : groupEnd[b - 1]);
        break;
      }
    }
    if (resume >= 0) {
      for (int g = Math.max(1, count - REWIND_GROUPS); g < count; g++) {
        if (groupStart[g] >= done) {
          return -1 - groupStart[g];
        }
      }
      return -1 - resume;
    }
    return done >= 0 ? done : Math.max(extEnd, end);
  }

  /** Whether the digits from {@code from} are an area code in brackets: "(415) 555-0132". */
  private static boolean areaCodeInBrackets(CharSequence t, int from) {
    int k = from;
    while (k < t.length() && isDigit(t.charAt(k)) && k - from <= 5) {
      k++;
    }
    return k - from <= 5 && k < t.length() && t.charAt(k) == ')';
  }

  /**
   * End of the digit run at {@code i} (after an optional '+') if it has fewer than 7 digits and no
   * further group follows it (up to three separator chars, then a digit); else -1.
   */
  private static int loneShortRun(CharSequence t, int i, int n) {
    int k = t.charAt(i) == '+' ? i + 1 : i;
    if (k >= n || !isDigit(t.charAt(k))) {
      return -1; // "(415) …"
    }
    int s = k;
    while (k < n && isDigit(t.charAt(k))) {
      k++;
    }
    if (k - s >= 7) {
      return -1;
    }
    for (int j = k; j < n && j - k < 3; j++) {
      char c = t.charAt(j);
      if (isDigit(c)) {
        return j > k ? -1 : k;
      }
      boolean areaSlash = c == '/' && j == k && areaCode(t, s, k - s); // "030/1234567"
      if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && !areaSlash) {
        return k;
      }
    }
    if (k + 3 < n && isDigit(t.charAt(k + 3))) {
      return -1;
    }
    return k;
  }

  /** Classifies groups [a, b) of a run as a validated format, or (phone) as a phone number. */
  private static boolean tryRun(CharSequence t, int i, int a, int b, int count, int[] groups,
      int[] groupStart, int[] groupEnd, int[] sepBefore, boolean plus, int extEnd,
      Hits out, boolean phone) {
    int from = a == 0 ? i : groupStart[a];
    int to = groupEnd[b - 1];
    int digits = 0;
    int seps = a == 0 ? sepBefore[0] & PAREN : 0;
    for (int g = a; g < b; g++) {
      digits += groups[g];
      if (g > a) {
        seps |= sepBefore[g];
      }
    }
    int[] sub = java.util.Arrays.copyOfRange(groups, a, b);
    boolean spaceFirst = b - a > 1 && (sepBefore[a + 1] & SPACE) != 0;
    int ext = b == count ? extEnd : to;
    return phone
        ? phone(t, from, to, ext, sub, b - a, digits, plus && a == 0, seps, spaceFirst, out)
        : classify(t, from, to, ext, sub, b - a, digits, plus && a == 0, seps, out);
  }

  private static boolean phone(CharSequence t, int i, int end, int extEnd, int[] groups,
      int count, int digits, boolean plus, int seps, boolean spaceFirst, Hits out) {
    boolean paren = (seps & PAREN) != 0;
    boolean dot = (seps & DOT) != 0;
    boolean dialledOut = count >= 2 && digits >= 9 && internationalPrefix(t, i, groups)
        && !binaryDigits(t, i, end);
    if (digits >= 7 && digits <= 15 && !oneDigitRepeated(t, i, end)
        && phoneShape(t, i, groups, count, digits, plus, dialledOut, paren, dot, spaceFirst)) {
      out.add(i, extEnd, PiiType.PHONE_NUMBER.name(), plus || paren ? 0.85 : 0.75, "phone number");
      return true;
    }
    return false;
  }

  private static boolean classify(CharSequence t, int i, int end, int extEnd, int[] groups,
      int count, int digits, boolean plus, int seps, Hits out) {
    boolean paren = (seps & PAREN) != 0;
    boolean space = (seps & SPACE) != 0;
    boolean dash = (seps & DASH) != 0;
    boolean dot = (seps & DOT) != 0;
    boolean ext = extEnd > end;
    if (!plus && !paren && !space && !dash && count == 4
        && !ext && ipv4(t, i, end)) {
      // "version 10.2.3.4" is a version, "10.0.0.0/8" a network: consumed, not reported.
      if (!versionBefore(t, i) && !cidrAfter(t, end)) {
        out.add(i, end, PiiType.IP_ADDRESS.name(), 0.9, "IPv4 address");
      }
      return true;
    }
    if (!plus && !paren && !dot && !ext
        && (count == 3 && groups[0] == 3 && groups[1] == 2 && groups[2] == 4 && !(space && dash)
            || count == 1 && digits == 9 && contextBefore(t, i, SSN_CONTEXT))
        && Validators.usSsn(t, i, end)) {
      out.add(i, end, PiiType.US_SSN.name(), 0.9, "US social security number");
      return true;
    }
    if (!plus && !paren && !dot && !ext
        && digits >= (count == 1 ? 12 : 13) && digits <= 19 && !(space && dash)
        && Validators.luhn(t, i, end)
        && (count == 1 || minGroup(groups, count) >= 3 && maxGroup(groups, count) <= 6)
        && !binaryDigits(t, i, end)) {
      out.add(i, end, PiiType.CREDIT_CARD.name(), 0.95, "payment card number");
      return true;
    }
    return false;
  }

  private static int maxGroup(int[] groups, int count) {
    int m = 0;
    for (int k = 0; k < count; k++) {
      m = Math.max(m, groups[k]);
    }
    return m;
  }

  /** "01110100 01100101": bits (octets), not a card number - no card starts with 0 or 1 only. */
  private static boolean binaryDigits(CharSequence t, int i, int end) {
    for (int k = i; k < end; k++) {
      char c = t.charAt(k);
      if (isDigit(c) && c != '0' && c != '1') {
        return false;
      }
    }
    return true;
  }

  private static int minGroup(int[] groups, int count) {
    int m = Integer.MAX_VALUE;
    for (int k = 0; k < count; k++) {
      m = Math.min(m, groups[k]);
    }
    return m;
  }

  private static boolean phoneShape(CharSequence t, int i, int[] g, int count, int digits,
      boolean plus, boolean dialledOut, boolean paren, boolean dot, boolean spaceFirst) {
    if (plus) {
      return true; // "+" and a country code: any grouping, "(0)" included; no date has one
    }
    if (!paren && idBefore(t, i)) {
      return false; // "invoice number 2024-000173", "Meeting ID: 845 2231 9087"
    }
    if (dialledOut) {
      return true; // "0044 20 7946 0958", "00 49 30 1234567": "00" dials out as "+" does
    }
    if (!spaceFirst && isDateShape(g, count) || count == 2 && g[0] == 4 && g[1] == 4
        && isYearRange(t, i)) {
      return false;
    }
    if (count == 1) {
      return digits >= 10 && context(t, i, digits);
    }
    if (dot && count < 3) {
      return false;
    }
    // SSN-shaped (3-2-4) and account-shaped (groups of four) numbers are not phone numbers.
    if (count == 3 && g[0] == 3 && g[1] == 2 && g[2] == 4) {
      return false;
    }
    int fours = 0;
    for (int k = 0; k < count; k++) {
      fours += g[k] == 4 ? 1 : 0;
    }
    if (fours >= 3) {
      return false;
    }
    // Two groups ("55470 72", "90010-170") are as often house numbers or postcodes.
    if (count == 2 && !paren && digits < 10 && !context(t, i, digits)) {
      return false;
    }
    // Thousands separators ("1 000 000") are amounts, not phone numbers.
    if (!paren && g[0] <= 3 && digits < 9) {
      boolean thousands = true;
      for (int k = 1; k < count; k++) {
        thousands &= g[k] == 3;
      }
      if (thousands && g[0] == 1) {
        return false;
      }
    }
    for (int k = 0; k < count; k++) {
      if (g[k] < 2 && !(k == 0 && digits >= 10) && !paren) {
        return false;
      }
    }
    return true;
  }

  /** Whether the number at {@code i} opens with "00" and a country code (its first digit 1-9). */
  private static boolean internationalPrefix(CharSequence t, int i, int[] g) {
    if (g[0] > 5 || t.charAt(i) != '0' || t.charAt(i + 1) != '0') {
      return false;
    }
    int k = g[0] == 2 ? i + 3 : i + 2; // "00 49 …": the code is the next group
    return k < t.length() && t.charAt(k) >= '1' && t.charAt(k) <= '9';
  }

  /** Whether the digits {@code t[s, s + len)} can be an area code: 3-5 from a trunk prefix 0. */
  private static boolean areaCode(CharSequence t, int s, int len) {
    return len >= 3 && len <= 5 && t.charAt(s) == '0' && t.charAt(s + 1) != '0';
  }

  /** Whether every digit in {@code t[i, end)} is the same: a placeholder ("00000000-0000"). */
  private static boolean oneDigitRepeated(CharSequence t, int i, int end) {
    char first = 0;
    for (int k = i; k < end; k++) {
      char c = t.charAt(k);
      if (isDigit(c)) {
        if (first == 0) {
          first = c;
        } else if (c != first) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean context(CharSequence t, int i, int digits) {
    return contextBefore(t, i, PHONE_CONTEXT) || contextAfter(t, i + digits, PHONE_CONTEXT);
  }

  /**
   * Whether one of the (lower-case) words occurs in the 24 chars after {@code i}, outside a
   * redaction mask ("[PHONE_NUMBER]" is no context for the number next to it).
   */
  static boolean contextAfter(CharSequence t, int i, String[] words) {
    int to = Math.min(t.length(), i + 24);
    for (int k = i; k < to; k++) {
      for (String w : words) {
        if (regionIs(t, k, w) && !Validators.insideMask(t, k, k + w.length())) {
          return true;
        }
      }
    }
    return false;
  }

  /** yyyy-mm-dd or dd-mm-yyyy at the start (a date, possibly followed by a time). */
  /** "1914-1918", "(1939–1945)": two years, the second not before the first. */
  private static boolean isYearRange(CharSequence t, int i) {
    int k = i < t.length() && t.charAt(i) == '(' ? i + 1 : i;
    int first = fourDigits(t, k);
    int second = fourDigits(t, k + 5);
    return first >= 1000 && first <= 2099 && second >= first && second <= 2099;
  }

  /** The number of the four digits at {@code k}, or -1. */
  private static int fourDigits(CharSequence t, int k) {
    if (k < 0 || k + 4 > t.length()) {
      return -1;
    }
    int v = 0;
    for (int j = k; j < k + 4; j++) {
      if (!isDigit(t.charAt(j))) {
        return -1;
      }
      v = v * 10 + t.charAt(j) - '0';
    }
    return v;
  }

  private static boolean isDateShape(int[] g, int count) {
    return count >= 3 && (g[0] == 4 && g[1] <= 2 && g[2] <= 2 || g[0] <= 2 && g[1] <= 2 && g[2] == 4);
  }

  private static int extension(CharSequence t, int end) {
    int n = t.length();
    int k = end;
    if (k < n && (t.charAt(k) == 'x' || t.charAt(k) == 'X')) {
      k++;
    } else if (k + 4 < n && t.charAt(k) == ' ' && regionIs(t, k + 1, "ext")) {
      k += 4;
      if (k < n && t.charAt(k) == '.') {
        k++;
      }
      if (k < n && t.charAt(k) == ' ') {
        k++;
      }
    } else {
      return end;
    }
    int s = k;
    while (k < n && isDigit(t.charAt(k)) && k - s < 6) {
      k++;
    }
    return k > s ? k : end;
  }

  /**
   * Whether one of the lower-case {@code words} (each with its trailing space) ends right before
   * {@code s}, starting a word: "says " before "Hartvigsson", not "rsays ".
   */
  static boolean afterAny(CharSequence t, int s, String[] words) {
    for (String w : words) {
      int g = s - w.length();
      if (g >= 0 && regionIs(t, g, w) && (g == 0 || !Character.isLetter(t.charAt(g - 1)))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code t} holds {@code lower} at {@code at}, ASCII case ignored. */
  static boolean regionIs(CharSequence t, int at, String lower) {
    if (at + lower.length() > t.length()) {
      return false;
    }
    for (int k = 0; k < lower.length(); k++) {
      if (Character.toLowerCase(t.charAt(at + k)) != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static final String[] PHONE_CONTEXT = {
    "phone", "tel", "mobile", "cell", "call", "fax", "whatsapp", "sms", "contact", "number",
    "desk", "office", "home", "work"
  };
  private static final String[] SSN_CONTEXT = {"ssn", "social security", "social sec"};
  /** Names of numbers that identify things, not phones, right before the digits. */
  private static final String[] ID_NAMES = {
    "invoice", "order", "tracking", "reference", "account", "ticket", "case", "serial", "policy",
    "booking", "confirmation", "transaction", "customer", "member", "batch", "part", "model",
    "meeting", "isbn", "sku"
  };
  private static final String[] ID_SUFFIXES = {" number", " no", " #", "#", " id", " ref"};

  /** Whether an identifier's name ("invoice number", "meeting id:") ends within 24 chars before. */
  private static boolean idBefore(CharSequence t, int i) {
    for (int k = Math.max(0, i - 24); k < i; k++) {
      if (k > 0 && Character.isLetter(t.charAt(k - 1))) {
        continue;
      }
      for (String name : ID_NAMES) {
        if (regionIs(t, k, name)) {
          int e = k + name.length();
          for (String suffix : ID_SUFFIXES) {
            if (regionIs(t, e, suffix) && noWordBetween(t, e + suffix.length(), i)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** Whether {@code t[s, e)} holds only punctuation and spaces, or the word "is" among them. */
  private static boolean noWordBetween(CharSequence t, int s, int e) {
    int first = -1;
    int letters = 0;
    for (int k = s; k < e; k++) {
      if (Character.isLetter(t.charAt(k))) {
        first = first < 0 ? k : first;
        letters++;
      }
    }
    return letters == 0 || letters == 2 && regionIs(t, first, "is");
  }

  /** "10.0.0.0/8": a network's prefix length right after the address. */
  private static boolean cidrAfter(CharSequence t, int end) {
    return end + 1 < t.length() && t.charAt(end) == '/' && isDigit(t.charAt(end + 1));
  }

  /** Whether one of the (lower-case) words occurs in the 40 chars before {@code i}, outside a mask. */
  static boolean contextBefore(CharSequence t, int i, String[] words) {
    int from = Math.max(0, i - 40);
    for (int k = from; k < i; k++) {
      for (String w : words) {
        if (regionIs(t, k, w) && !Validators.insideMask(t, k, k + w.length())) {
          return true;
        }
      }
    }
    return false;
  }

  private static int skipToken(CharSequence t, int k) {
    int n = t.length();
    while (k < n && (Character.isLetterOrDigit(t.charAt(k)) || t.charAt(k) == '.'
        || t.charAt(k) == '-')) {
      k++;
    }
    return k;
  }

  private static final String[] VERSION_WORDS = {"version", "release", "build", "firmware", "ver"};

  /** "v" glued before {@code i}, or a version word right before it. */
  private static boolean versionBefore(CharSequence t, int i) {
    if (i >= 1 && (t.charAt(i - 1) == 'v' || t.charAt(i - 1) == 'V')
        && (i == 1 || !Character.isLetter(t.charAt(i - 2)))) {
      return true;
    }
    int k = i - 1;
    while (k >= 0 && (t.charAt(k) == ' ' || t.charAt(k) == '.' || t.charAt(k) == ':')) {
      k--;
    }
    for (String w : VERSION_WORDS) {
      int at = k + 1 - w.length();
      if (at >= 0 && regionIs(t, at, w) && (at == 0 || !Character.isLetter(t.charAt(at - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean ipv4(CharSequence t, int s, int e) {
    int value = 0;
    int len = 0;
    for (int k = s; k <= e; k++) {
      char c = k < e ? t.charAt(k) : '.';
      if (c == '.') {
        if (len == 0 || len > 3 || value > 255 || len > 1 && t.charAt(k - len) == '0') {
          return false;
        }
        value = 0;
        len = 0;
      } else {
        value = value * 10 + (c - '0');
        len++;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /**
   * IPv6 address containing the ':' at {@code colon}: its end, or {@code colon + 1} when there is
   * none, so what follows the colon is still read ("iban:DE89…", "card:4111…").
   */
  static int ipv6(CharSequence t, int colon, Hits out) {
    int n = t.length();
    int s = colon;
    while (s > 0 && colon - s < 40 && (isHex(t.charAt(s - 1)) || t.charAt(s - 1) == ':')) {
      s--;
    }
    int e = colon;
    while (e < n && e - s < 45 && (isHex(t.charAt(e)) || t.charAt(e) == ':' || t.charAt(e) == '.')) {
      e++;
    }
    while (e > colon && (t.charAt(e - 1) == '.'
        || t.charAt(e - 1) == ':' && (e - 2 < s || t.charAt(e - 2) != ':'))) {
      e--;
    }
    if (s > 0 && (Character.isLetterOrDigit(t.charAt(s - 1)) || t.charAt(s - 1) == '_')
        || e < n && (Character.isLetterOrDigit(t.charAt(e)) || t.charAt(e) == '_')) {
      return colon + 1;
    }
    int groups = 0;
    int doubles = 0;
    int len = 0;
    boolean letters = false;
    for (int k = s; k < e; k++) {
      char c = t.charAt(k);
      if (c == ':') {
        if (k + 1 < e && t.charAt(k + 1) == ':') {
          doubles++;
          if (len > 0) {
            groups++;
          }
          len = 0;
          k++;
          continue;
        }
        if (len == 0 && k != s) {
          return colon + 1;
        }
        if (len > 0) {
          groups++;
        }
        len = 0;
      } else if (c == '.') {
        return colon + 1; // embedded IPv4 forms are rare in text; not reported
      } else {
        letters |= !isDigit(c);
        if (++len > 4) {
          return colon + 1;
        }
      }
    }
    if (len > 0) {
      groups++;
    }
    boolean valid = doubles == 0 ? groups == 8 : doubles == 1 && groups >= 2 && groups <= 7;
    if (valid && (letters || groups == 8)) {
      out.add(s, e, PiiType.IP_ADDRESS.name(), 0.9, "IPv6 address");
      return e;
    }
    return colon + 1;
  }

  /** Whether an IBAN (two letters, two check digits) may start at {@code i}. */
  static boolean ibanStart(CharSequence t, int i) {
    int n = t.length();
    return i + 15 <= n && isDigit(t.charAt(i + 2)) && isDigit(t.charAt(i + 3))
        && isAsciiLetter(t.charAt(i)) && isAsciiLetter(t.charAt(i + 1))
        && (i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1)));
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** IBAN starting at {@code i}, compact or in space-separated groups; longest valid wins. */
  static int iban(CharSequence t, int i, Hits out) {
    int n = t.length();
    int k = i;
    int compact = 0;
    int best = -1;
    while (k < n && compact < 34) {
      char c = t.charAt(k);
      if (c < 128 && Character.isLetterOrDigit(c)) {
        compact++;
        k++;
        continue;
      }
      if (c == ' ' && k + 1 < n && Character.isLetterOrDigit(t.charAt(k + 1))
          && t.charAt(k + 1) < 128) {
        if (compact >= 15 && Validators.iban(t, i, k)) {
          best = k;
        }
        k++;
        continue;
      }
      break;
    }
    if (k < n && Character.isLetterOrDigit(t.charAt(k))) {
      return best > 0 ? report(i, best, out) : -1;
    }
    if (compact >= 15 && Validators.iban(t, i, k)) {
      best = k;
    }
    return best > 0 ? report(i, best, out) : -1;
  }

  private static int report(int s, int e, Hits out) {
    out.add(s, e, PiiType.IBAN.name(), 0.99, "IBAN");
    return e;
  }
}
