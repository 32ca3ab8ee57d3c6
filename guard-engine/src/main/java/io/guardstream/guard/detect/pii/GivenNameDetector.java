package io.guardstream.guard.detect.pii;

import io.guardstream.guard.detect.Detector;
import io.guardstream.guard.detect.DetectorType;
import io.guardstream.guard.detect.Hits;
import io.guardstream.guard.detect.Params;
import io.guardstream.guard.detect.ScanContext;
import io.guardstream.guard.detect.Validators;
import io.guardstream.guard.detect.View;
import java.util.Locale;
import java.util.Set;

/**
 * Type {@code given_name}: person names without a cue around them. A common given name
 * ({@link NameList#GIVEN}) followed by a surname ("Kenneth Harrison", "María García López",
 * "Hannah McConnan", "Leonardo da Vinci"), or alone where people are named: a transcript
 * speaker's label ("Kelly: Remember me?"), a list of given names ("Mary, Isabel and Teresa"),
 * someone addressed or greeted ("Remember me, Kelly?", "Hi Freddy,") or written about ("Marie
 * began writing"). A first name in no list counts before a listed or surname-shaped surname
 * ({@link Surnames}: "Kira Fransson"). Capitalised runs that name
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
    NameRepeats names = new NameRepeats(hits);
    int n = t.length();
    int i = 0;
    while (i < n) {
      char c = t.charAt(i);
      // Capitals are rare: test for one first, then whether it starts a word.
      if ((c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c))
          && (i == 0 || !partOfWord(t.charAt(i - 1)))) {
        int end = name(t, i, names);
        if (end > i) {
          i = end;
          continue;
        }
      }
      i++;
    }
    transcriptSpeakers(t, names);
    if (LowerCaseNames.applies(t)) {
      LowerCaseNames.find(t, names);
    }
    names.reportRepeats(t);
  }

  /** Reports the name starting at {@code s} and returns its end, or returns {@code s}. */
  private static int name(String t, int s, Hits out) {
    int firstEnd = possessiveCut(t, s, wordEnd(t, s));
    if (!given(t, s, firstEnd)) {
      return unlisted(t, s, firstEnd, out);
    }
    if (capitalisedBefore(t, s) || numberBefore(t, s)) {
      return s;
    }
    int end = surnames(t, firstEnd);
    if (end > 0) {
      out.add(s, end, PERSON, 0.7, "common given name and a surname");
      return end;
    }
    int surnameStart = end == NO_SURNAME ? surnameBefore(t, s) : -1;
    if (surnameStart >= 0 && afterSeparator(t, firstEnd) < 0) { // "Jones, Mitchell and …": a list
      out.add(surnameStart, firstEnd, PERSON, 0.7, "surname, then a common given name");
      return firstEnd;
    }
    if (end == NO_SURNAME && (speaker(t, s, firstEnd) || listed(t, s, firstEnd)
        || subject(t, s, firstEnd) || Scanners.afterAny(t, s, AT_PERSON))) {
      out.add(s, firstEnd, PERSON, 0.7, "common given name");
      return firstEnd;
    }
    return s;
  }

  /**
   * A capitalised word that is no listed given name: a person when a listed or surname-shaped
   * surname follows it ("Kira Fransson", "Homero Portillo"), or when it is such a surname
   * itself and quoted ("says Hartvigsson."). Not in a list of surnames alone: "Barnett, Melton
   * and Garcia" is as often a firm.
   */
  private static int unlisted(String t, int s, int e, Hits out) {
    if (!Scanners.nameWord(t, s, e)) {
      return s;
    }
    int n = t.length();
    int w = e + 1;
    if (w < n && t.charAt(e) == ' ' && Character.isUpperCase(t.charAt(w))) {
      int wEnd = surnameEnd(t, w);
      if (wEnd < 0 || capitalisedBefore(t, s) || numberBefore(t, s)
          || NOT_FIRST.contains(t.substring(s, e)) || OPENERS.contains(t.substring(s, e))) {
        return s;
      }
      if (!Surnames.is(t, w, wEnd)) {
        // Family name first, as in East Asian and Hungarian order: "Tanaka Hiroshi".
        if (Surnames.is(t, s, e) && given(t, w, wEnd) && !titleGoesOn(t, wEnd)) {
          out.add(s, wEnd, PERSON, 0.6, "surname and a common given name");
          return wEnd;
        }
        return s;
      }
      int end = surnames(t, e);
      if (end < 0) {
        return s;
      }
      out.add(s, end, PERSON, 0.6, "capitalised word and a surname");
      return end;
    }
    if (quoted(t, s, e) && Surnames.is(t, s, e)) {
      out.add(s, e, PERSON, 0.6, "surname");
      return e;
    }
    if (e < n && t.charAt(e) == ',' && salutation(t, s)
        && Validators.personName(t, s, e) && !ROLES.contains(t.substring(s, e))) {
      out.add(s, e, PERSON, 0.6, "name in a salutation");
      return e;
    }
    return s;
  }

  /** Salutations that open a letter or an e-mail, before the name and its comma. */
  private static final String[] SALUTATIONS = {"hi ", "hello ", "hey ", "dear "};

  /** A salutation at the start of a line ends right before {@code s}: "Hi Christin,". */
  private static boolean salutation(String t, int s) {
    for (String w : SALUTATIONS) {
      int g = s - w.length();
      if (g >= 0 && Scanners.regionIs(t, g, w) && (g == 0 || t.charAt(g - 1) == '\n')) {
        return true;
      }
    }
    return false;
  }

  /**
   * Start of a surname written before the given name at {@code s} with a comma, as in forms and
   * lists ("Applicant: Kowalski, Anna"), or -1. Not after another name of a list.
   */
  private static int surnameBefore(String t, int s) {
    if (s < 4 || t.charAt(s - 1) != ' ' || t.charAt(s - 2) != ',') {
      return -1;
    }
    int e = s - 2;
    int b = e;
    while (b > 0 && Character.isLetter(t.charAt(b - 1))) {
      b--;
    }
    if (b == e || !Scanners.nameWord(t, b, e) || !Surnames.is(t, b, e) || given(t, b, e)
        || b >= 2 && t.charAt(b - 2) == ',') {
      return -1;
    }
    return b;
  }

  /** Whether a capitalised word follows {@code e}: the run is a title, not a name. */
  private static boolean titleGoesOn(String t, int e) {
    return e + 1 < t.length() && t.charAt(e) == ' ' && Character.isUpperCase(t.charAt(e + 1));
  }

  /** A surname alone after a verb of saying, ending a clause: "says Hartvigsson.". */
  private static boolean quoted(String t, int s, int e) {
    char next = e < t.length() ? t.charAt(e) : '.';
    return ".,;!?\n".indexOf(next) >= 0 && Scanners.afterAny(t, s, SAYING);
  }

  private static final String[] SAYING = {
      "says ", "said ", "asks ", "asked ", "replies ", "replied ", "adds ", "added ",
      "explains ", "explained ", "writes ", "wrote ", "according to "};

  /**
   * Other speakers of a transcript in which one speaker has a listed given name ("Koppány:
   * \"Who are you?\"" next to "Elizabeth: …"): labels at line starts that are no role.
   */
  private static void transcriptSpeakers(String t, Hits out) {
    int known = 0;
    int others = 0;
    int[] found = null;
    int next;
    for (int line = 0; line < t.length(); line = next < 0 ? t.length() : next + 1) {
      next = t.indexOf('\n', line);
      int s = line;
      while (s < t.length() && (t.charAt(s) == ' ' || t.charAt(s) == '\t' || t.charAt(s) == '>')) {
        s++;
      }
      if (s >= t.length() || !Character.isUpperCase(t.charAt(s))) {
        continue;
      }
      int e = wordEnd(t, s);
      if (!speaker(t, s, e) || !Scanners.nameWord(t, s, e)) {
        continue;
      }
      if (given(t, s, e)) {
        known++;
      } else if (!ROLES.contains(t.substring(s, e))) {
        if (found == null) {
          found = new int[8];
        } else if (2 * others == found.length) {
          found = java.util.Arrays.copyOf(found, 2 * found.length);
        }
        found[2 * others] = s;
        found[2 * others + 1] = e;
        others++;
      }
    }
    for (int k = 0; known > 0 && k < others; k++) {
      out.add(found[2 * k], found[2 * k + 1], PERSON, 0.6, "transcript speaker");
    }
  }

  /** Speaker labels that name a role, not a person. */
  private static final Set<String> ROLES = Set.of(
      "User", "Assistant", "System", "Bot", "Human", "Ai", "Question", "Answer", "Note",
      "Narrator", "Host", "Guest", "Interviewer", "Interviewee", "Speaker", "Customer", "Agent",
      "Doctor", "Patient", "Teacher", "Student", "Me", "You", "Mom", "Dad", "Mother", "Father",
      "Child", "Man", "Woman", "Boy", "Girl", "Reporter", "Moderator", "Chorus", "Everyone",
      "All", "Both", "Input", "Output", "Example", "Step", "Title", "Subject", "Date", "Time",
      "From", "To", "Cc", "Re", "Summary", "Result", "Response", "Prompt", "Instruction",
      "Context", "Task", "Caller", "Operator", "Officer", "Judge", "Witness", "Lawyer", "Client",
      "Therapist", "Coach", "Player", "Captain", "King", "Queen", "Prince", "Princess", "Waiter",
      "Waitress", "Clerk", "Driver", "Passenger", "Stranger", "Friend", "Voice", "Crowd",
      "Audience", "Announcer", "Presenter", "Candidate", "Manager", "Employee",
      "Boss", "Nurse", "Detective", "Suspect", "Robot", "Computer", "Alien", "Monster", "Ghost",
      "Reply", "Comment", "Hint", "Tip", "Warning", "Error", "Usage", "Source", "Sources",
      "Story", "Scene", "Setting", "Translation", "Explanation", "Solution", "Problem");

  /**
   * A given name alone followed by a lower-case word or "'s", as a person is written about
   * ("Marie began writing", "Tomomi's daughter"), not after a preposition of place ("from
   * Dolores") and not a name that is also a common word or a place ("Frank", "Victoria").
   */
  private static boolean subject(String t, int s, int e) {
    int n = t.length();
    if (greeted(t, s, e)) {
      return true;
    }
    if (vocative(t, s, e)) {
      return !NOT_ALONE.contains(t.substring(s, e));
    }
    boolean followed = e + 2 < n && t.charAt(e) == ' ' && Character.isLowerCase(t.charAt(e + 1))
        || e + 2 < n && (t.charAt(e) == '\'' || t.charAt(e) == '’') && t.charAt(e + 1) == 's'
            && !Character.isLetterOrDigit(t.charAt(e + 2));
    if (!followed || NOT_ALONE.contains(t.substring(s, e))
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
    return !PLACE_PREPOSITIONS.contains(t.substring(w, k).toLowerCase(Locale.ROOT));
  }

  /** Someone greeted by name alone: "Hi Freddy,", "Dear Victoria:", "Thanks Sarah!". */
  private static boolean greeted(String t, int s, int e) {
    char next = e < t.length() ? t.charAt(e) : '\n';
    return ",!.:\n".indexOf(next) >= 0 && Scanners.afterAny(t, s, GREETINGS);
  }


  /** Looks and words aimed at someone: "Mehrudin shouted at Todd". */
  private static final String[] AT_PERSON = {
      "shouted at ", "yelled at ", "screamed at ", "looked at ", "smiled at ", "stared at ",
      "glanced at ", "winked at ", "waved at ", "laughed at ", "grinned at ", "nodded at ",
      "snapped at ", "frowned at "};

  private static final String[] GREETINGS = {
      "hi ", "hello ", "hey ", "dear ", "thanks ", "thank you ", "good morning ",
      "good afternoon ", "good evening ", "bye ", "goodbye ", "welcome back ", "congratulations "};

  /** Someone addressed: "Remember me, Kelly?", "Thanks, Sarah.", "Leif, can I come?". */
  private static boolean vocative(String t, int s, int e) {
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
      "da", "de", "del", "della", "der", "den", "di", "do", "dos", "das", "du", "la", "las", "los",
      "le", "van", "von", "ter", "ten", "bin", "ibn", "al", "el");

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
  private static boolean given(String t, int s, int e) {
    int given = e;
    for (int k = s + 1; k < e; k++) {
      if (t.charAt(k) == '-') {
        given = k;
        break;
      }
    }
    // A pronoun glued to a verb is no second name: the Romanian "Arată-mi" (show me) is no
    // "Arata". A longer lower-case part may be one ("Mary-jane").
    if (given + 1 < e && e - given <= 4 && Character.isLowerCase(t.charAt(given + 1))) {
      return false;
    }
    return Scanners.nameWord(t, s, e) && NameList.GIVEN.contains(t, s, given);
  }

  /**
   * End of the surname (and a second one) after the given name ending at {@code firstEnd}, or
   * {@link #NO_SURNAME} / {@link #NOT_A_NAME}.
   */
  private static int surnames(String t, int firstEnd) {
    int n = t.length();
    int lastStart = firstEnd + 1;
    // Up to two surname particles: "Leonardo da Vinci", "Maika van de Noort", "Juan de la Cruz".
    for (int particles = 0; particles < 2 && lastStart < n && t.charAt(lastStart - 1) == ' '
        && Character.isLowerCase(t.charAt(lastStart)); particles++) {
      int particleEnd = wordEnd(t, lastStart);
      if (particleEnd + 1 >= n || t.charAt(particleEnd) != ' '
          || !PARTICLES.contains(t.substring(lastStart, particleEnd))) {
        break;
      }
      lastStart = particleEnd + 1;
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
        && Character.isUpperCase(t.charAt(lastEnd + 1)) && !unitWord(t, lastEnd + 1)) {
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
    if (t.startsWith(" y ", end) || t.startsWith(" e ", end)) {
      // Two family names joined: "María Ruiz y García", "Ana Silva e Souza".
      int second = end + 3;
      int secondEnd = second < n && Character.isUpperCase(t.charAt(second))
          ? surnameEnd(t, second) : -1;
      if (secondEnd > 0 && !titleGoesOn(t, secondEnd)) {
        return secondEnd;
      }
    }
    return end;
  }

  /** "Suite", "Apt", "Unit" at {@code s}: an address goes on after the name ("Usamov Suite 9"). */
  private static boolean unitWord(String t, int s) {
    for (String w : UNIT_WORDS) {
      if (t.startsWith(w, s)) {
        return true;
      }
    }
    return false;
  }

  private static final String[] UNIT_WORDS = {"Suite ", "Apt ", "Apt. ", "Unit ", "Flat ", "Room "};

  /** A speaker's label in a transcript: "Kelly: Remember me?" at the start of a line. */
  private static boolean speaker(String t, int s, int e) {
    if (e + 1 >= t.length() || t.charAt(e) != ':' || " \t\"“".indexOf(t.charAt(e + 1)) < 0) {
      return false;
    }
    int k = s - 1;
    while (k >= 0 && (t.charAt(k) == ' ' || t.charAt(k) == '\t' || t.charAt(k) == '>')) {
      k--;
    }
    return k < 0 || t.charAt(k) == '\n';
  }

  /** Next to another listed given name in a list: "Mary, Isabel and Teresa". */
  private static boolean listed(String t, int s, int e) {
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
  private static int afterSeparator(String t, int e) {
    if (e >= t.length() || t.charAt(e) != ',' && t.charAt(e) != ' ') {
      return -1; // the usual case, tested first
    }
    for (String sep : SEPARATORS) {
      if (Scanners.regionIs(t, e, sep)) {
        return e + sep.length();
      }
    }
    return -1;
  }

  /** End of the item before a list separator that ends at {@code s}, or -1. */
  private static int beforeSeparator(String t, int s) {
    if (s < 2 || t.charAt(s - 1) != ' ') {
      return -1;
    }
    for (String sep : SEPARATORS) {
      if (s >= sep.length() && Scanners.regionIs(t, s - sep.length(), sep)) {
        return s - sep.length();
      }
    }
    return -1;
  }


  /** {@code e} without a possessive "'s" ("Harrison's"). */
  private static int possessiveCut(String t, int s, int e) {
    boolean possessive = e - s > 3 && t.charAt(e - 1) == 's'
        && (t.charAt(e - 2) == '\'' || t.charAt(e - 2) == '’');
    return possessive ? e - 2 : e;
  }

  /** End of the surname-shaped word at {@code s} ("'s" left out), or -1. */
  private static int surnameEnd(String t, int s) {
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
    String word = t.substring(s, e);
    return Scanners.notLastName(word) || NOT_SURNAMES.contains(word) ? -1 : e;
  }

  private static int wordEnd(String t, int s) {
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
  private static boolean numberBefore(String t, int s) {
    return s >= 2 && t.charAt(s - 1) == ' ' && Scanners.isDigit(t.charAt(s - 2));
  }

  /** A capitalised word one space before {@code s}, other than a sentence or greeting word. */
  private static boolean capitalisedBefore(String t, int s) {
    int k = s - 1;
    if (k < 1 || t.charAt(k) != ' ' || !Character.isLetter(t.charAt(k - 1))) {
      return false;
    }
    int e = k;
    while (k > 0 && Character.isLetter(t.charAt(k - 1))) {
      k--;
    }
    return Character.isUpperCase(t.charAt(k))
        && !OPENERS.contains(t.substring(k, e)) && !ROLE_TITLES.contains(t.substring(k, e));
  }

  /** Roles written before a person's name: "Producer Christoffer Bertelsen". */
  private static final Set<String> ROLE_TITLES = Set.of(
      "Producer", "Director", "Singer", "Actor", "Actress", "Author", "Writer", "Artist",
      "Player", "Coach", "Captain", "Officer", "Agent", "Detective", "Inspector", "Professor",
      "Judge", "Senator", "Chef", "Manager", "Founder", "Minister", "Governor", "Mayor",
      "Chancellor", "Pope", "Uncle", "Aunt", "Auntie", "Grandma", "Grandpa", "Cousin", "Lady",
      "Lord", "Sir", "Dame", "Colonel", "General", "Sergeant", "Lieutenant", "Commander",
      "Admiral", "Astronaut", "Nurse", "Doctor", "Pastor", "Rabbi", "Imam", "Reverend", "Bishop",
      "Drummer", "Guitarist", "Bassist", "Composer", "Conductor", "Painter", "Poet", "Novelist",
      "Journalist", "Reporter", "Anchor", "Host", "Presenter", "Columnist", "Editor", "Teacher",
      "Principal", "Dean", "Goalkeeper", "Striker", "Midfielder", "Defender",
      "Quarterback", "Pitcher", "Swimmer", "Runner", "Cyclist", "Boxer", "Wrestler", "Skater",
      "Economist", "Scientist", "Researcher", "Analyst", "Attorney", "Lawyer", "Prosecutor",
      "Sheriff", "Deputy", "Constable", "Private", "Corporal", "Major", "Chairman", "Chairwoman",
      "Chairperson", "Chief", "Spokesman", "Spokeswoman", "Spokesperson", "Ambassador",
      "Councillor", "Councilor", "Congressman", "Congresswoman", "Representative", "Rep", "Sen",
      "Gov", "Gen", "Col", "Capt", "Sgt", "Lt", "Det", "Insp", "Supt", "Fr", "Rev", "Sr", "Br",
      "CEO", "CFO", "CTO", "COO", "CIO", "CISO", "VP", "SVP", "EVP", "MP", "MEP", "President",
      "Secretary", "Treasurer", "Engineer", "Developer", "Designer", "Architect", "Intern",
      "Pilot", "Clerk", "Supervisor", "Coordinator", "Justice",
      // German capitalises every noun: "Der Kunde Tobias Krüger".
      "Kunde", "Kundin", "Patientin", "Mitarbeiter", "Mitarbeiterin", "Kollege", "Kollegin",
      "Herr", "Frau", "Autor", "Autorin", "Fahrer", "Fahrerin", "Mieter", "Mieterin", "Student",
      "Studentin", "Bewerber", "Bewerberin", "Kandidat", "Kandidatin");

  /** Capitalised words that open the names of places, firms and works, not of people. */
  private static final Set<String> NOT_FIRST = Set.of(
      "San", "Santa", "Santo", "Sao", "São", "Saint", "Sainte", "Sankt", "St", "Ste", "Fort",
      "Port", "Mount", "Mt", "Lake", "Cape", "New", "North", "South", "East", "West", "Upper",
      "Lower", "Great", "Little", "Old", "Los", "Las", "El", "La", "Le", "Les", "Rio", "Costa",
      "Puerto", "Monte", "Villa", "Casa", "Bad", "Hotel", "Hospital", "Bank", "Banco", "Club",
      "Cafe", "Café", "Restaurant", "Chez", "Teatro", "Museo", "Palazzo", "Piazza", "Via", "Rue",
      "Calle", "Avenida", "Rua", "Plaza", "Camp", "Station", "Project", "Operation", "Hurricane",
      "Storm", "Typhoon", "Cyclone", "University", "Universidad", "College", "Institute",
      "Instituto", "Fundación", "Stiftung", "Gymnasium", "Liceo", "Apache", "Microsoft", "Google",
      "Amazon", "Oracle", "Adobe", "Mozilla", "Chicken", "Beef", "Salad", "Team", "Mr", "Mrs",
      "Ms", "Dr", "Prof", "Ulica", "Ul", "Ulitsa", "Strada", "Avenue", "Boulevard", "Den", "Al",
      "Mont", "Magna");

  /** Capitalised words that may come right before a name without being part of it. */
  private static final Set<String> OPENERS = Set.of(
      "The", "A", "An", "And", "Or", "But", "If", "When", "While", "After", "Before", "Since",
      "Because", "Although", "However", "Also", "Then", "So", "In", "On", "At", "To", "For",
      "With", "From", "By", "Of", "As", "Is", "Was", "This", "That", "It", "He", "She", "They",
      "We", "You", "I", "My", "Your", "His", "Her", "Their", "Our", "Dear", "Hi", "Hello", "Hey",
      "Thanks", "Thank", "Please", "Meet", "Ask", "Call", "Tell", "Let", "Yesterday", "Today",
      "Contact", "Email", "Message", "Text", "Ping", "Invite", "Notify", "Inform", "Remind", "Cc",
      "Attn", "Pay", "Paid", "Signed", "Approved", "Reviewed", "Submitted", "Owner", "Assignee",
      "Tomorrow", "Welcome", "Congratulations", "Sorry", "Yes", "No", "Ok", "Okay", "Well",
      "Oh", "Like", "Both", "Neither", "Either", "Only", "Even", "Why", "How", "What", "Who",
      // Requests that name whom to reach ("Reach Anna Kowalska at the desk").
      "Reach", "Phone", "Ring", "Write", "Forward", "Send", "Introduce", "Visit", "See", "Find",
      "Add", "Assign", "Escalate", "Hire", "Interview", "Schedule", "Page", "Warn", "Update");

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
