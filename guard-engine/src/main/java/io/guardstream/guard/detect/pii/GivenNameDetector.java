package io.guardstream.guard.detect.pii;

import io.guardstream.guard.detect.Detector;
import io.guardstream.guard.detect.DetectorType;
import io.guardstream.guard.detect.Hits;
import io.guardstream.guard.detect.Params;
import io.guardstream.guard.detect.ScanContext;
import io.guardstream.guard.detect.View;
import java.util.Set;

/**
 * Type {@code given_name}: person names without a cue around them, a common given name
 * ({@link GivenNames}) followed by a surname: "Kenneth Harrison", "María García López", "Hannah
 * McConnan". Capitalised runs that name places, firms or works rather than people are left alone:
 * a capitalised word before the given name ("Lake Victoria", "El Salvador"), a place or firm word
 * as the surname ("Gordon Terrace", "Russell Investments"), a title-case run going on after it,
 * or a house number right after it ("Peter Zuidhove 188", a street).
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
      if (!partOfWord(c)) {
        i++;
        continue;
      }
      // A word starts at i: only there can a name start.
      if (c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c)) {
        int end = name(t, i, hits);
        if (end > i) {
          i = end;
          continue;
        }
      }
      i++;
      while (i < n && partOfWord(t.charAt(i))) {
        i++;
      }
    }
  }

  /** Reports the name starting at {@code s} and returns its end, or returns {@code s}. */
  private static int name(CharSequence t, int s, Hits out) {
    int n = t.length();
    int firstEnd = wordEnd(t, s);
    int given = firstEnd;
    for (int k = s + 1; k < firstEnd; k++) {
      if (t.charAt(k) == '-') {
        given = k; // "Jean-Pierre": the first part is the given name
        break;
      }
    }
    int lastStart = firstEnd + 1;
    // Cheap tests first: most capitalised words start a sentence, with no capital after them.
    if (lastStart >= n || t.charAt(firstEnd) != ' ' || !Character.isUpperCase(t.charAt(lastStart))
        || !Scanners.nameWord(t, s, firstEnd) || !GivenNames.contains(t, s, given)
        || capitalisedBefore(t, s) || numberBefore(t, s)) {
      return s;
    }
    int lastEnd = surnameEnd(t, lastStart);
    if (lastEnd < 0) {
      return s;
    }
    int end = lastEnd;
    if (lastEnd + 1 < n && t.charAt(lastEnd) == ' ' && Character.isUpperCase(t.charAt(lastEnd + 1))) {
      // A second surname or middle name, unless the run goes on: a title, not a person.
      int thirdEnd = surnameEnd(t, lastEnd + 1);
      if (thirdEnd < 0 || thirdEnd + 1 < n && t.charAt(thirdEnd) == ' '
          && Character.isUpperCase(t.charAt(thirdEnd + 1))) {
        return s;
      }
      end = thirdEnd;
    }
    if (end + 1 < n && t.charAt(end) == ' ' && Scanners.isDigit(t.charAt(end + 1))) {
      return s; // "Peter Zuidhove 188": a street named after someone
    }
    out.add(s, end, PiiDetector.PiiType.PERSON.name(), 0.7, "common given name and a surname");
    return end;
  }

  /** End of the surname-shaped word at {@code s} ("'s" left out), or -1. */
  private static int surnameEnd(CharSequence t, int s) {
    int e = wordEnd(t, s);
    if (e < t.length() && Character.isLetterOrDigit(t.charAt(e))) {
      return -1;
    }
    if (e - s > 3 && t.charAt(e - 1) == 's' && (t.charAt(e - 2) == '\'' || t.charAt(e - 2) == '’')) {
      e -= 2;
    }
    boolean shaped = Scanners.nameWord(t, s, e)
        || e - s > 3 && t.charAt(s) == 'M' && t.charAt(s + 1) == 'c' && Scanners.nameWord(t, s + 2, e)
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
      // works, events, laws and eponyms
      "Prize", "Award", "Awards", "Cup", "Trophy", "League", "Festival", "Show", "Series", "Day",
      "Week", "Act", "Law", "Rule", "Effect", "Theorem", "Principle", "Syndrome", "Disease",
      "Method", "Test", "Scale", "Equation", "Constant", "Number", "Paradox", "Model", "Index",
      "Project", "Program", "Programme", "Fellowship", "Scholarship", "Lecture", "Collection");
}
