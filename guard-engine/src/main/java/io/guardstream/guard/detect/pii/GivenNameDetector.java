package io.guardstream.guard.detect.pii;

import io.guardstream.guard.detect.Detector;
import io.guardstream.guard.detect.DetectorType;
import io.guardstream.guard.detect.Hits;
import io.guardstream.guard.detect.Params;
import io.guardstream.guard.detect.ScanContext;
import io.guardstream.guard.detect.View;
import java.util.Locale;
import java.util.Set;

/**
 * Type {@code given_name}: person names without a cue around them. A common given name
 * ({@link GivenNames}) followed by a surname ("Kenneth Harrison", "María García López", "Hannah
 * McConnan", "Leonardo da Vinci"), or alone where people are named: a transcript speaker's label
 * ("Kelly: Remember me?"), a list of given names ("Mary, Isabel and Teresa"), someone addressed
 * ("Remember me, Kelly?") or written about ("Marie began writing"). Capitalised runs that name
 * places, firms or works rather than people are left alone: a capitalised word before the given
 * name ("Lake Victoria", "El Salvador"), a place or firm word as the surname ("Gordon Terrace",
 * "Russell Investments"), a title-case run going on after it, or a number around it (an
 * address: "12 Peter Street", "Peter Zuidhove 188").
 */
public final class GivenNameDetector implements Detector {

  private static final GivenNameDetector INSTANCE = new GivenNameDetector();

  private GivenNameDetector() {}

  /** The {@code given_name} detector type. */
  public static final class Type implements DetectorType {
    @Override
    public String name() {
      return "given_name";
    }

    @Override
    public Detector compile(Params p) {
      p.rejectUnknown();
      return INSTANCE;
    }
  }

  @Override
  public View view() {
    return View.RAW;
  }

  @Override
  public void detect(ScanContext ctx, Hits hits) {
    // The raw view is a String: reading it as one keeps this per-char loop tight.
    String t = ctx.text().toString();
    int n = t.length();
    int i = 0;
    while (i < n) {
      char c = t.charAt(i);
      // Capitals are rare: test for one first, then whether it starts a word.
      if ((c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c))
          && (i == 0 || !partOfWord(t.charAt(i - 1)))) {
        int end = name(t, i, hits);
        if (end > i) {
          i = end;
          continue;
        }
      }
      i++;
    }
  }

  /** Reports the name starting at {@code s} and returns its end, or returns {@code s}. */
  private static int name(CharSequence t, int s, Hits out) {
    int firstEnd = possessiveCut(t, s, wordEnd(t, s));
    if (!given(t, s, firstEnd) || capitalisedBefore(t, s) || numberBefore(t, s)) {
      return s;
    }
    int end = surnames(t, firstEnd);
    if (end > 0) {
      out.add(s, end, PERSON, 0.7, "common given name and a surname");
      return end;
    }
    if (end == NO_SURNAME && (speaker(t, s, firstEnd) || listed(t, s, firstEnd)
        || subject(t, s, firstEnd))) {
      out.add(s, firstEnd, PERSON, 0.7, "common given name");
      return firstEnd;
    }
    return s;
  }

  /**
   * A given name alone followed by a lower-case word or "'s", as a person is written about
   * ("Marie began writing", "Tomomi's daughter"), not after a preposition of place ("from
   * Dolores") and not a name that is also a common word or a place ("Frank", "Victoria").
   */
  private static boolean subject(CharSequence t, int s, int e) {
    int n = t.length();
    if (vocative(t, s, e)) {
      return !NOT_ALONE.contains(t.subSequence(s, e).toString());
    }
    boolean followed = e + 2 < n && t.charAt(e) == ' ' && Character.isLowerCase(t.charAt(e + 1))
        || e + 2 < n && (t.charAt(e) == '\'' || t.charAt(e) == '’') && t.charAt(e + 1) == 's'
            && !Character.isLetterOrDigit(t.charAt(e + 2));
    if (!followed || NOT_ALONE.contains(t.subSequence(s, e).toString())
        || Scanners.regionIs(t, e, " and ") || Scanners.regionIs(t, e, " or ")) {
      return false; // "Thomas and Sons": a firm; lists of names are read by listed()
    }
    int k = s - 1;
    if (k < 1 || t.charAt(k) != ' ') {
      return true;
    }
    int w = k;
    while (w > 0 && Character.isLetter(t.charAt(w - 1))) {
      w--;
    }
    return !PLACE_PREPOSITIONS.contains(t.subSequence(w, k).toString().toLowerCase(Locale.ROOT));
  }

  /** Someone addressed: "Remember me, Kelly?", "Thanks, Sarah.", "Leif, can I come?". */
  private static boolean vocative(CharSequence t, int s, int e) {
    int n = t.length();
    char after = e < n ? t.charAt(e) : '.';
    if (s >= 2 && t.charAt(s - 2) == ',' && t.charAt(s - 1) == ' ') {
      return after == '?' || after == '!' || after == '.';
    }
    int k = s - 1;
    while (k >= 0 && t.charAt(k) == ' ') {
      k--;
    }
    boolean lineStart = k < 0 || t.charAt(k) == '\n';
    return lineStart && after == ',' && e + 2 < n && t.charAt(e + 1) == ' '
        && Character.isLowerCase(t.charAt(e + 2));
  }

  private static final Set<String> PARTICLES = Set.of(
      "da", "de", "del", "della", "der", "di", "do", "dos", "das", "du", "la", "le", "van", "von",
      "ter", "ten", "bin", "ibn", "al", "el");

  private static final Set<String> PLACE_PREPOSITIONS = Set.of(
      "from", "in", "at", "to", "of", "on", "near", "via", "into", "across", "around", "visit",
      "visited", "visiting");

  /** Given names that alone are as often a word, a thing or a place. */
  private static final Set<String> NOT_ALONE = Set.of(
      "Frank", "Jack", "Roger", "Sally", "Sue", "Randy", "Patty", "Terry", "Dale", "Bobby",
      "Billy", "Harry", "Victor", "Warren", "Martin", "Peter", "Mickey", "Colleen", "Jasper",
      "Hector", "Phoebe", "Dieter", "Lea", "Aline", "Victoria", "Charlotte", "Regina",
      "Lorraine", "Helena", "Orlando", "Sofia", "Dolores", "Logan", "Marina", "Alexandria",
      "Elizabeth", "Nancy", "Lourdes", "Augusta", "Eugene", "Adelaide", "Savannah", "Vienna",
      "Valencia", "Florentina", "Santana", "Mercy", "Amor", "Angela", "Carmen", "Dominic",
      "Christina", "Christine", "Benedict", "Constance", "Felicity", "Prudence", "Patience",
      "Verity", "Nova", "Luna", "Stella", "Celeste", "Sultana", "Imran", "Ali", "Ahmed", "Maya",
      "Lewis");

  private static final String PERSON = PiiDetector.PiiType.PERSON.name();
  /** {@link #surnames}: no capitalised word follows the given name. */
  private static final int NO_SURNAME = -1;
  /** {@link #surnames}: a capitalised word follows, but it names no person. */
  private static final int NOT_A_NAME = -2;

  /** Whether {@code t[s, e)} is capitalised and its given name ("Jean" of "Jean-Pierre") listed. */
  private static boolean given(CharSequence t, int s, int e) {
    int given = e;
    for (int k = s + 1; k < e; k++) {
      if (t.charAt(k) == '-') {
        given = k;
        break;
      }
    }
    return Scanners.nameWord(t, s, e) && GivenNames.contains(t, s, given);
  }

  /**
   * End of the surname (and a second one) after the given name ending at {@code firstEnd}, or
   * {@link #NO_SURNAME} / {@link #NOT_A_NAME}.
   */
  private static int surnames(CharSequence t, int firstEnd) {
    int n = t.length();
    int lastStart = firstEnd + 1;
    if (lastStart < n && t.charAt(firstEnd) == ' ' && Character.isLowerCase(t.charAt(lastStart))) {
      // A surname particle: "Leonardo da Vinci", "Vincent van Gogh".
      int particleEnd = wordEnd(t, lastStart);
      if (particleEnd + 1 < n && t.charAt(particleEnd) == ' '
          && PARTICLES.contains(t.subSequence(lastStart, particleEnd).toString())
          && Character.isUpperCase(t.charAt(particleEnd + 1))) {
        lastStart = particleEnd + 1;
      }
    }
    if (lastStart >= n || t.charAt(lastStart - 1) != ' '
        || !Character.isUpperCase(t.charAt(lastStart))) {
      return NO_SURNAME;
    }
    int lastEnd = surnameEnd(t, lastStart);
    if (lastEnd < 0) {
      return NOT_A_NAME;
    }
    int end = lastEnd;
    if (lastEnd + 1 < n && t.charAt(lastEnd) == ' '
        && Character.isUpperCase(t.charAt(lastEnd + 1))) {
      // A second surname or middle name, unless the run goes on: a title, not a person.
      int thirdEnd = surnameEnd(t, lastEnd + 1);
      if (thirdEnd < 0 || thirdEnd + 1 < n && t.charAt(thirdEnd) == ' '
          && Character.isUpperCase(t.charAt(thirdEnd + 1))) {
        return NOT_A_NAME;
      }
      end = thirdEnd;
    }
    if (end + 1 < n && t.charAt(end) == ' ' && Scanners.isDigit(t.charAt(end + 1))) {
      return NOT_A_NAME; // "Peter Zuidhove 188": a street named after someone
    }
    return end;
  }

  /** A speaker's label in a transcript: "Kelly: Remember me?" at the start of a line. */
  private static boolean speaker(CharSequence t, int s, int e) {
    if (e + 1 >= t.length() || t.charAt(e) != ':' || t.charAt(e + 1) != ' ') {
      return false;
    }
    int k = s - 1;
    while (k >= 0 && (t.charAt(k) == ' ' || t.charAt(k) == '\t' || t.charAt(k) == '>')) {
      k--;
    }
    return k < 0 || t.charAt(k) == '\n';
  }

  /** Next to another listed given name in a list: "Mary, Isabel and Teresa". */
  private static boolean listed(CharSequence t, int s, int e) {
    int next = afterSeparator(t, e);
    if (next > 0 && next < t.length() && Character.isUpperCase(t.charAt(next))
        && given(t, next, wordEnd(t, next))) {
      return true;
    }
    int prevEnd = beforeSeparator(t, s);
    if (prevEnd <= 0) {
      return false;
    }
    int prevStart = prevEnd;
    while (prevStart > 0 && Character.isLetter(t.charAt(prevStart - 1))) {
      prevStart--;
    }
    return prevStart < prevEnd && given(t, prevStart, prevEnd);
  }

  private static final String[] SEPARATORS = {", and ", ", ", " and ", " & ", " or "};

  /** Start of the item after a list separator at {@code e}, or -1. */
  private static int afterSeparator(CharSequence t, int e) {
    for (String sep : SEPARATORS) {
      if (Scanners.regionIs(t, e, sep)) {
        return e + sep.length();
      }
    }
    return -1;
  }

  /** End of the item before a list separator that ends at {@code s}, or -1. */
  private static int beforeSeparator(CharSequence t, int s) {
    for (String sep : SEPARATORS) {
      if (s >= sep.length() && Scanners.regionIs(t, s - sep.length(), sep)) {
        return s - sep.length();
      }
    }
    return -1;
  }


  /** {@code e} without a possessive "'s" ("Harrison's"). */
  private static int possessiveCut(CharSequence t, int s, int e) {
    boolean possessive = e - s > 3 && t.charAt(e - 1) == 's'
        && (t.charAt(e - 2) == '\'' || t.charAt(e - 2) == '’');
    return possessive ? e - 2 : e;
  }

  /** End of the surname-shaped word at {@code s} ("'s" left out), or -1. */
  private static int surnameEnd(CharSequence t, int s) {
    int e = wordEnd(t, s);
    if (e < t.length() && Character.isLetterOrDigit(t.charAt(e))) {
      return -1;
    }
    e = possessiveCut(t, s, e);
    boolean shaped = Scanners.nameWord(t, s, e)
        || e - s > 3 && t.charAt(s) == 'M' && t.charAt(s + 1) == 'c'
            && Scanners.nameWord(t, s + 2, e)
        || e - s > 4 && t.charAt(s) == 'M' && t.charAt(s + 1) == 'a' && t.charAt(s + 2) == 'c'
            && Scanners.nameWord(t, s + 3, e);
    if (!shaped) {
      return -1;
    }
    String word = t.subSequence(s, e).toString();
    return Scanners.notLastName(word) || NOT_SURNAMES.contains(word) ? -1 : e;
  }

  private static int wordEnd(CharSequence t, int s) {
    int e = s;
    while (e < t.length() && (Character.isLetter(t.charAt(e)) || t.charAt(e) == '-'
        || t.charAt(e) == '\'' || t.charAt(e) == '’')) {
      e++;
    }
    return e;
  }

  private static boolean partOfWord(char c) {
    return c < 128
        ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
            || c == '\''
        : Character.isLetterOrDigit(c) || c == '’';
  }

  /** A number one space before {@code s}: "1737 Cheriton Drive" is an address. */
  private static boolean numberBefore(CharSequence t, int s) {
    return s >= 2 && t.charAt(s - 1) == ' ' && Scanners.isDigit(t.charAt(s - 2));
  }

  /** A capitalised word one space before {@code s}, other than a sentence or greeting word. */
  private static boolean capitalisedBefore(CharSequence t, int s) {
    int k = s - 1;
    if (k < 1 || t.charAt(k) != ' ' || !Character.isLetter(t.charAt(k - 1))) {
      return false;
    }
    int e = k;
    while (k > 0 && Character.isLetter(t.charAt(k - 1))) {
      k--;
    }
    return Character.isUpperCase(t.charAt(k))
        && !OPENERS.contains(t.subSequence(k, e).toString());
  }

  /** Capitalised words that may come right before a name without being part of it. */
  private static final Set<String> OPENERS = Set.of(
      "The", "A", "An", "And", "Or", "But", "If", "When", "While", "After", "Before", "Since",
      "Because", "Although", "However", "Also", "Then", "So", "In", "On", "At", "To", "For",
      "With", "From", "By", "Of", "As", "Is", "Was", "This", "That", "It", "He", "She", "They",
      "We", "You", "I", "My", "Your", "His", "Her", "Their", "Our", "Dear", "Hi", "Hello", "Hey",
      "Thanks", "Thank", "Please", "Meet", "Ask", "Call", "Tell", "Let", "Yesterday", "Today",
      "Tomorrow", "Welcome", "Congratulations", "Sorry", "Yes", "No", "Ok", "Okay", "Well",
      "Oh", "Like", "Both", "Neither", "Either", "Only", "Even", "Why", "How", "What", "Who");

  /** Words that end the names of places, firms, works and laws rather than of people. */
  private static final Set<String> NOT_SURNAMES = Set.of(
      // places and addresses (not words that are common surnames too: Hall, Hill, Park, Gates)
      "River", "Lake", "Mountain", "Mountains", "Valley", "Beach", "Falls", "Island", "Islands",
      "Bay", "Center", "Centre", "Museum", "Cathedral", "Bridge", "Tower", "Memorial", "Gardens",
      "Garden", "Stadium", "Arena", "Theatre", "Theater", "Library", "Gallery", "County", "City",
      "Town", "Village", "State", "Province", "Harbor", "Harbour", "Port", "Terrace", "Cliffs",
      "Bypass", "Loop", "Creek", "Flat", "Flats", "Union", "Crossing", "Court", "Place", "Way",
      "Row", "Heights", "Ridge", "Point", "Pass", "Trail", "Path", "Walk", "Grove", "Close",
      "Crescent", "Mews", "Wharf", "Quay", "Pier", "Forest", "Springs", "Meadow", "Meadows",
      "Shores", "Shore", "Coast", "Canyon", "Peak", "Estates", "Estate", "Manor", "Villas",
      "Plaza", "Highway", "Freeway", "Parkway", "Junction", "Circle", "Tunnel", "Gate", "Line",
      "Extension", "Extensions", "Divide", "Ferry", "Fork", "Forks", "Gateway", "Haven",
      "Hollow", "Isle", "Knoll", "Landing", "Locks", "Orchard", "Overpass", "Plains", "Prairie",
      "Ranch", "Rapids", "Route", "Shoals", "Skyway", "Spur", "Stravenue", "Summit",
      "Throughway", "Trace", "Trafficway", "Turnpike", "Underpass", "Viaduct", "View", "Views",
      "Vista", "Causeway", "Corner", "Corners", "Cove", "Curve", "Cape", "Bluff", "Bluffs",
      "Alley", "Annex", "Arcade", "Commons", "Crest", "Expressway", "Trench", "Basin", "Strait",
      "Sea", "Ocean", "Gulf", "Desert", "Glacier", "Market", "Mall", "Store", "Shop",
      "Restaurant", "Cafe", "Bar", "Pub", "Inn", "Lodge", "Tavern", "Clinic", "Pharmacy",
      "Institute", "Foundation", "Academy", "Club", "Team", "Society", "Council", "Committee",
      "Ministry", "Empire", "Republic", "Kingdom", "Dynasty", "Conquest", "Revolution", "Senate",
      // firms and brands
      "Records", "Studios", "Studio", "Press", "Post", "Times", "News", "Motors", "Airlines",
      "Airways", "Tech", "Labs", "Lab", "Systems", "Software", "Health", "Medical", "Investments",
      "Research", "Partners", "Solutions", "Consulting", "Services", "Holdings", "Industries",
      "Enterprises", "Associates", "Capital", "Ventures", "Media", "Global", "International",
      "Technologies", "Analytics", "Entertainment", "Pictures", "Productions", "Publishing",
      "Books", "Brands", "Foods", "Energy", "Financial", "Insurance", "Logistics", "Networks",
      "Pharmaceuticals", "Therapeutics", "Robotics", "Dynamics", "Electronics",
      "Communications", "Telecom", "Automotive", "Realty", "Properties", "Construction",
      "Design", "Designs", "Digital", "Interactive", "Games", "Trust", "Fund", "Funds",
      "Bancorp", "Co", "Llc", "Boss",
      // the placeholder name of forms and code samples ("John Doe"), no one's name
      "Doe",
      // works, events, laws and eponyms
      "Prize", "Award", "Awards", "Cup", "Trophy", "League", "Festival", "Show", "Series", "Day",
      "Week", "Act", "Law", "Rule", "Effect", "Theorem", "Principle", "Syndrome", "Disease",
      "Method", "Test", "Scale", "Equation", "Constant", "Number", "Paradox", "Model", "Index",
      "Project", "Program", "Programme", "Fellowship", "Scholarship", "Lecture", "Collection");
}
