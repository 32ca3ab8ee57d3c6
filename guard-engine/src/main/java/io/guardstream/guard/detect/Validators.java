package io.guardstream.guard.detect;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Checksums and structure checks that turn a pattern match into a confident finding. */
public final class Validators {
  private Validators() {}

  /** Checks the span [start, end) of a text. */
  @FunctionalInterface
  public interface Validator {
    boolean valid(CharSequence text, int start, int end);
  }

  private static final Map<String, Validator> BY_NAME = new TreeMap<>(Map.of(
      "luhn", Validators::luhn,
      "iban", Validators::iban,
      "us_ssn", Validators::usSsn,
      "jwt", Validators::jwt,
      "not_placeholder", Validators::notPlaceholder,
      "credential_like", Validators::credentialLike,
      "person_name", Validators::personName));

  /** Validator by its rule-file name, or null. */
  public static Validator byName(String name) {
    return BY_NAME.get(name.toLowerCase(Locale.ROOT));
  }

  static String names() {
    return String.join(", ", BY_NAME.keySet());
  }

  /**
   * False when a capitalised span after a name cue is not a name: a title on its own ("Dear Mr.
   * Tesla" - the name follows it), a word used to address a group or a role ("Dear Valued
   * Customers", "Dear Hiring Manager", "Dear Diary") or part of an address ("Flat 5").
   */
  public static boolean personName(CharSequence text, int start, int end) {
    int i = start;
    while (i < end) {
      int j = i;
      while (j < end && Character.isLetter(text.charAt(j))) {
        j++;
      }
      if (j > i && NOT_NAMES.contains(capitalised(text.subSequence(i, j).toString()))) {
        return false;
      }
      i = Math.max(j, i + 1);
    }
    return true;
  }

  /** "SMITH" as "Smith": names in capitals (forms) are checked like written ones. */
  private static String capitalised(String word) {
    for (int k = 1; k < word.length(); k++) {
      if (!Character.isUpperCase(word.charAt(k))) {
        return word;
      }
    }
    return word.isEmpty() ? word : word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
  }

  private static final Set<String> NOT_NAMES = Set.of(
      "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Sirs", "Madam", "Madame",
      "Ladies", "Gentlemen", "All", "Everyone", "Everybody", "Team", "Family", "Friend", "Friends",
      "Colleague", "Colleagues", "Customer", "Customers", "Client", "Clients", "Member", "Members",
      "Valued", "Esteemed", "Respected", "Honorable", "Honourable", "Distinguished", "Fellow",
      "Beloved", "Dearest", "Hiring", "Manager", "Managers", "Committee", "Board", "Editor",
      "Editors", "Reader", "Readers", "Diary", "Humanity", "Humans", "Human", "World", "Future",
      "Self", "Parents", "Students", "Citizens", "Neighbor", "Neighbors", "Neighbour",
      "Neighbours", "Applicant", "Candidate", "Recruiter", "Support", "Admissions", "Users",
      "User", "Subscriber", "Subscribers", "Shareholders", "Stakeholders", "Partners", "Guests",
      "Patient", "Patients", "Employee", "Employees", "Staff", "Whom", "Concern", "Unknown",
      "Name", "Redacted", "Anonymous", "I", "Person", "People", "President", "Chairman",
      "Chairwoman", "Speaker", "Secretary", "Director", "Principal", "Doctor", "Officer", "Judge",
      "Mayor", "Governor", "Senator", "Minister", "Ambassador", "Majesty", "Highness",
      "Excellency", "Honor", "Honour", "Count",
      // Address words: "Billing address: Flat 5", "Ship to: Baker Street".
      "Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Drive", "Boulevard", "Blvd",
      "Square", "Plaza", "Highway", "Parkway", "Flat", "Apt", "Apartment", "Suite", "Unit",
      "Floor", "Building", "Same", "None", "See", "Above", "Below",
      // Title case after "I'm": "I'm Not Sure", "I'm Sorry Dave".
      "Not", "Sorry", "Sure", "Glad", "Happy", "Here", "Just", "Very", "Really", "Also", "Still",
      "Always", "Going", "Back", "Looking", "Afraid", "Excited", "Ready", "Able", "Unable",
      "Fine", "Good", "Great", "Thrilled", "Honored", "Honoured", "Pleased", "Delighted",
      // Times after "call me": "call me Monday", "call me Tomorrow".
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today",
      "Tomorrow", "Tonight", "Later", "Anytime", "Asap",
      // Assistants addressed by name: "Hi Claude,", "Hey Siri,".
      "Siri", "Alexa", "Google", "Claude", "Gemini", "Bard", "Copilot", "Cortana", "Bing", "Chat",
      "Assistant", "Bot", "There", "Earth", "Universe", "Folks", "Guys", "Darling", "Honey",
      "Buddy", "Mate", "Kids", "Class", "Sweetheart", "Chatgpt", "Gpt", "Chatbot",
      // Firms in capitals after a field cue: "Customer: ACME CORP LTD".
      "Corp", "Corporation", "Ltd", "Limited", "Inc", "Llc", "Gmbh", "Plc", "Company", "Group",
      "Bank", "Holding", "Or", "And", "Na", "Tbd", "Tba", "Unk",
      // Pronouns and sentence openers after a speaker's label: "Customer: My card was charged".
      "My", "Your", "Our", "Their", "His", "Her", "Its", "The", "This", "That", "These", "Those",
      "We", "You", "He", "She", "It", "They", "Me", "Us", "Them", "Hi", "Hello", "Thanks",
      "Thank", "Please", "Yes", "No", "Ok", "Okay", "What", "How", "Why", "Where", "Who",
      "Could", "Would", "Is", "Are", "Do", "Does", "Did", "Have", "Has", "Well", "But", "If");

  /** Shannon entropy in bits per char of the span. */
  public static double entropy(CharSequence text, int start, int end) {
    int n = end - start;
    if (n <= 0) {
      return 0;
    }
    int[] counts = new int[128];
    int other = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / n;
        h -= p * Math.log(p);
      }
    }
    if (other > 0) {
      double p = (double) other / n;
      h -= p * Math.log(p);
    }
    return h / Math.log(2);
  }

  /** Luhn checksum over the digits of the span (separators ignored), 12–19 digits. */
  public static boolean luhn(CharSequence text, int start, int end) {
    int sum = 0;
    int digits = 0;
    for (int i = end - 1; i >= start; i--) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int d = c - '0';
      if ((digits & 1) == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      digits++;
    }
    return digits >= 12 && digits <= 19 && sum % 10 == 0;
  }

  /** IBAN: country code, check digits, and the ISO 13616 mod-97 check (spaces ignored). */
  public static boolean iban(CharSequence text, int start, int end) {
    StringBuilder compact = new StringBuilder(34);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '-') {
        compact.append(Character.toUpperCase(c));
      }
    }
    int n = compact.length();
    if (n < 15 || n > 34 || !Character.isLetter(compact.charAt(0))
        || !Character.isLetter(compact.charAt(1)) || !Character.isDigit(compact.charAt(2))
        || !Character.isDigit(compact.charAt(3))) {
      return false;
    }
    int mod = 0;
    for (int k = 0; k < n; k++) {
      char c = compact.charAt((k + 4) % n);
      if (c >= '0' && c <= '9') {
        mod = (mod * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        mod = (mod * 100 + (c - 'A' + 10)) % 97;
      } else {
        return false;
      }
    }
    return mod == 1;
  }

  /** US SSN: area not 000, 666 or 900–999; group not 00; serial not 0000. */
  public static boolean usSsn(CharSequence text, int start, int end) {
    int[] d = new int[9];
    int n = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (n == 9) {
          return false;
        }
        d[n++] = c - '0';
      }
    }
    if (n != 9) {
      return false;
    }
    int area = d[0] * 100 + d[1] * 10 + d[2];
    int group = d[3] * 10 + d[4];
    int serial = d[5] * 1000 + d[6] * 100 + d[7] * 10 + d[8];
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
      return false;
    }
    // Reject repeated or sequential placeholders (111-11-1111, 123-45-6789).
    boolean same = true;
    for (int k = 1; k < 9; k++) {
      same &= d[k] == d[0];
    }
    return !same && !(area == 123 && group == 45 && serial == 6789);
  }

  /** JWT: the first segment is base64url JSON with an "alg" member. */
  public static boolean jwt(CharSequence text, int start, int end) {
    int dot = -1;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == '.') {
        dot = i;
        break;
      }
    }
    if (dot < 0) {
      return false;
    }
    try {
      byte[] header = Base64.getUrlDecoder().decode(stripPadding(text.subSequence(start, dot)));
      String json = new String(header, StandardCharsets.UTF_8);
      return json.startsWith("{") && json.contains("\"alg\"");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Base64 of "user:password" (HTTP Basic, a Docker config's "auth"): printable text with a
   * colon that neither starts nor ends it, and a password part that is no placeholder.
   */
  public static boolean basicCredentials(CharSequence text, int start, int end) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(text.subSequence(start, end).toString()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0 || colon == decoded.length() - 1) {
      return false;
    }
    for (int i = 0; i < decoded.length(); i++) {
      if (decoded.charAt(i) < 0x20 || decoded.charAt(i) == 0x7f) {
        return false;
      }
    }
    return notPlaceholder(decoded, colon + 1, decoded.length());
  }

  private static String stripPadding(CharSequence s) {
    String str = s.toString();
    int end = str.length();
    while (end > 0 && str.charAt(end - 1) == '=') {
      end--;
    }
    return str.substring(0, end);
  }

  /**
   * False for values that are obviously not real secrets: variable references, templates,
   * masks, repeated characters, and words like "changeme" or "example".
   */
  public static boolean notPlaceholder(CharSequence text, int start, int end) {
    if (insideMask(text, start, end)) {
      return false;
    }
    String v = text.subSequence(start, end).toString();
    String low = v.toLowerCase(Locale.ROOT);
    // Base64 keys start with '/' or '+' as often as with any letter: only short or orderly values
    // starting so are paths ("/etc/app.key") or code ("+ suffix").
    boolean random = randomToken(text, start, end);
    if (low.startsWith("$") || low.startsWith("%") || low.startsWith("{") || low.startsWith("<")
        || low.startsWith("[") || low.startsWith("(") || low.startsWith("#")
        || low.startsWith("/") && !random
        || low.startsWith("\\") || low.startsWith("./") || low.startsWith("http")
        || low.startsWith("arn:") || low.contains("${") || low.contains("{{") || low.contains("#{")
        || low.contains("$_") || low.startsWith("process.env") || low.startsWith("os.environ")
        || low.contains("getenv") || low.startsWith("env.") || low.startsWith("env[")
        || low.startsWith("config.") || low.startsWith("settings.") || low.startsWith("self.")
        || low.startsWith("this.") || low.startsWith("secrets.") || low.startsWith("vault:")) {
      return false;
    }
    for (String word : PLACEHOLDER_WORDS) {
      if (low.contains(word)) {
        return false;
      }
    }
    // A mask is a run of one x ("xxxx", "XXXX"); a random token may hold "xXXx".
    if (v.contains("xxxx") || v.contains("XXXX")) {
      return false;
    }
    int run = sequenceRun(low);
    if (PLACEHOLDER_VALUES.contains(low) || run >= 7 || run >= 4 && run >= low.length() * 0.6
        || alternatingRun(low) >= 6) {
      return false;
    }
    char first = v.charAt(0);
    // Inside quotes a value is a literal: '(' or '[' in it is a char, not a call.
    boolean quoted = start > 0 && end < text.length() && "\"'`".indexOf(text.charAt(end)) >= 0
        && text.charAt(start - 1) == text.charAt(end);
    if (first == '.' || first == '+' && !random || first == '\'' || first == '"' || first == ' '
        || v.charAt(v.length() - 1) == ' ' || !quoted && callOrIndex(v) || isPlainPath(v)
        || end < text.length() && text.charAt(end) == '('
            && (Character.isLetterOrDigit(text.charAt(end - 1)) || text.charAt(end - 1) == '_')
            && !secretReceiver(text, start, v.indexOf('.') > 0 ? start + v.indexOf('.') : end)) {
      return false; // code around the value (concatenation, calls), or a route / file path
    }
    int keyStart = keyStart(text, start);
    // In scheme://user:password@host and curl -u user:password the word before the value is a
    // user name ("admin"), not a key.
    boolean urlUser = keyStart >= 2 && text.charAt(keyStart - 1) == '/'
        && text.charAt(keyStart - 2) == '/' || start > 0 && text.charAt(start - 1) == ':'
        && (regionEndsWith(text, keyStart, "-u ") || regionEndsWith(text, keyStart, "--user "));
    String keyName = keyBefore(text, start).toLowerCase(Locale.ROOT);
    for (String suffix : NON_SECRET_KEY_SUFFIXES) {
      if (!urlUser && keyName.endsWith(suffix)) {
        return false;
      }
    }
    return atLeastThreeDistinct(low);
  }

  /** Whether {@code s} holds three different chars (no stream: this runs per candidate value). */
  private static boolean atLeastThreeDistinct(String s) {
    char first = s.isEmpty() ? 0 : s.charAt(0);
    char second = first;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != first && second == first) {
        second = c;
      } else if (c != first && c != second) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a value stated in prose looks like a credential rather than a word: not a placeholder
   * ({@link #notPlaceholder}) or a well-known example password ("P@ssw0rd", "admin123");
   * not a word or words ("strong", "single-use", "Expired"), a number with a unit ("2048-bit"), a
   * version, an identifier (ENV_VAR_NAME), a file or host name or an e-mail address; and mixing
   * letters with digits or symbols (or, letters only, random mixed case of 16 or more), digits only
   * from 6 on, with enough entropy for its length.
   */
  public static boolean credentialLike(CharSequence text, int start, int end) {
    int n = end - start;
    if (n < 6 || n > 128 || !notPlaceholder(text, start, end)) {
      return false;
    }
    int lower = 0;
    int upper = 0;
    int digits = 0;
    int joiners = 0; // '-', '_', '.', '\''
    int symbols = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= 'a' && c <= 'z') {
        lower++;
      } else if (c >= 'A' && c <= 'Z') {
        upper++;
      } else if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '-' || c == '_' || c == '.' || c == '\'') {
        joiners++;
      } else if (Character.isLetter(c)) {
        lower++; // other scripts count as letters
      } else {
        symbols++;
      }
    }
    String v = text.subSequence(start, end).toString();
    if (examplePassword(v) || isNameLike(v)) {
      return false;
    }
    double h = entropy(text, start, end);
    int letters = lower + upper;
    if (digits == n) {
      return h >= 2.0;
    }
    if (digits == 0 && symbols == 0) {
      // Letters and joiners: words ("single-use", "Expired") unless long random mixed case.
      return joiners == 0 && lower > 0 && upper > 1 && n >= 16 && h >= 3.5;
    }
    if (symbols == 0 && letters > 0 && digits > 0 && numberWithUnit(v)) {
      return false;
    }
    if (lower > 0 && upper > 0 && digits > 0) {
      // Three classes of chars are a credential's mark even when some repeat ("I66IyyIoTq!66").
      return h >= 2.0;
    }
    return h >= (n < 10 ? 2.3 : 2.6);
  }

  /** "2048-bit", "30days", "4k", "v1.2.3", "3.11": numbers with a unit or a version. */
  private static boolean numberWithUnit(String v) {
    int i = 0;
    int n = v.length();
    if (i < n && (v.charAt(i) == 'v' || v.charAt(i) == 'V')) {
      i++;
    }
    int d = i;
    while (i < n && (Character.isDigit(v.charAt(i)) || v.charAt(i) == '.')) {
      i++;
    }
    if (i == d) {
      return false;
    }
    if (i == n) {
      return true; // version
    }
    if (v.charAt(i) == '-' || v.charAt(i) == '_') {
      i++;
    }
    int letters = i;
    while (i < n && v.charAt(i) >= 'a' && v.charAt(i) <= 'z') {
      i++;
    }
    return i == n && i - letters <= 12;
  }

  /** ENV_VAR_NAMES, file names, host names and e-mail addresses: names of things, not secrets. */
  private static boolean isNameLike(String v) {
    boolean envName = v.indexOf('_') > 0;
    for (int i = 0; i < v.length() && envName; i++) {
      char c = v.charAt(i);
      envName = c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
    if (envName) {
      return true;
    }
    int at = v.indexOf('@');
    String host = at > 0 ? v.substring(at + 1) : v;
    int dot = host.lastIndexOf('.');
    if (dot <= 0 || dot == host.length() - 1) {
      return false;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
        return false;
      }
    }
    for (int i = dot + 1; i < host.length(); i++) {
      if (!Character.isLetter(host.charAt(i))) {
        return false;
      }
    }
    return host.length() - dot - 1 <= 10;
  }

  /**
   * Well-known example and default passwords, also with leetspeak ("P@ssw0rd") and trailing
   * digits or symbols ("admin123", "changeme!").
   */
  static boolean examplePassword(String v) {
    StringBuilder b = new StringBuilder(v.length());
    int end = v.length();
    while (end > 0 && !Character.isLetter(v.charAt(end - 1))) {
      end--;
    }
    for (int i = 0; i < end; i++) {
      char c = Character.toLowerCase(v.charAt(i));
      char l = c < 128 ? LEET_LETTER[c] : 0;
      if (l != 0) {
        b.append(l);
      } else if (Character.isLetter(c)) {
        b.append(c);
      }
    }
    String word = b.toString();
    if (EXAMPLE_PASSWORDS.contains(word)) {
      return true;
    }
    // "myPass", "your_api_key_here", "thepassword"
    for (String prefix : EXAMPLE_PREFIXES) {
      if (word.startsWith(prefix) && word.length() > prefix.length()) {
        String rest = word.substring(prefix.length());
        if (rest.endsWith("here")) {
          rest = rest.substring(0, rest.length() - 4);
        }
        if (EXAMPLE_PASSWORDS.contains(rest)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final String[] EXAMPLE_PREFIXES = {"my", "your", "the", "some", ""};

  // Not TextNormalizer's table: placeholder passwords also spell i as '!' ("p@ssw0rd!"), which the
  // normaliser must keep as punctuation.
  private static final char[] LEET_LETTER = new char[128];

  static {
    LEET_LETTER['0'] = 'o';
    LEET_LETTER['1'] = 'i';
    LEET_LETTER['3'] = 'e';
    LEET_LETTER['4'] = 'a';
    LEET_LETTER['5'] = 's';
    LEET_LETTER['7'] = 't';
    LEET_LETTER['@'] = 'a';
    LEET_LETTER['$'] = 's';
    LEET_LETTER['!'] = 'i';
  }

  private static final java.util.Set<String> EXAMPLE_PASSWORDS = java.util.Set.of(
      "password", "passwd", "pass", "secret", "supersecret", "topsecret", "mysecret",
      "mypassword", "changeme", "changeit", "letmein", "welcome", "admin", "administrator",
      "root", "toor", "test", "testing", "example", "sample", "dummy", "default", "qwerty",
      "abc", "abcdef", "foobar", "foo", "bar", "hello", "helloworld", "iloveyou", "token",
      "apikey", "username", "user", "guest", "demo", "temp", "temppassword", "opensesame");

  /**
   * Whether a provider-format match is a documentation filler rather than a key: a long run of
   * letter-digit pairs ("a1b2c3d4e5f6"). (Alphabet runs such as "ABCDEFGHIJ" are kept: provider
   * documentation uses them in keys that scanners are expected to report.)
   */
  public static boolean fillerSequence(CharSequence text, int start, int end) {
    return alternatingRun(text.subSequence(start, end).toString().toLowerCase(Locale.ROOT)) >= 6;
  }

  /**
   * Whether [start, end) overlaps a mask the redactor wrote ("[EMAIL]", "[GENERIC_SECRET:1a2b…]"):
   * a re-scan of redacted text must not take a mask, or part of one, for a secret or context.
   */
  public static boolean insideMask(CharSequence text, int start, int end) {
    int from = Math.max(0, start - MAX_MASK);
    int to = Math.min(text.length(), end + MAX_MASK);
    for (int i = from; i < to; i++) {
      if (text.charAt(i) != '[') {
        continue;
      }
      int close = maskEnd(text, i, to);
      if (close > start && i < end) {
        return true;
      }
    }
    return false;
  }

  private static final int MAX_MASK = 80;

  /** End (exclusive) of the mask "[TYPE]" or "[TYPE:hex]" opening at {@code open}, or -1. */
  private static int maskEnd(CharSequence text, int open, int limit) {
    int i = open + 1;
    int typeStart = i;
    while (i < limit && (text.charAt(i) >= 'A' && text.charAt(i) <= 'Z' || text.charAt(i) == '_'
        || i > typeStart && text.charAt(i) >= '0' && text.charAt(i) <= '9')) {
      i++;
    }
    if (i == typeStart || i >= limit) {
      return -1;
    }
    if (text.charAt(i) == ':') {
      int tokenStart = ++i;
      while (i < limit && Character.digit(text.charAt(i), 16) >= 0) {
        i++;
      }
      if (i == tokenStart || i >= limit) {
        return -1;
      }
    }
    return text.charAt(i) == ']' ? i + 1 : -1;
  }

  /**
   * At least 20 chars mixing upper case, lower case and digits with at least 4 bits of entropy
   * per char: a generated key, not a word, path or expression.
   */
  private static boolean randomToken(CharSequence text, int start, int end) {
    if (end - start < 20) {
      return false;
    }
    int upper = 0;
    boolean lower = false;
    boolean digit = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      upper += c >= 'A' && c <= 'Z' ? 1 : 0;
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
    }
    // Mixed case; digits too, or (one 40-char base64 key in a thousand has none) many capitals.
    return upper > 0 && lower && (digit || upper >= 4) && entropy(text, start, end) >= 4.0;
  }

  /**
   * Whether {@code text[start, end)}, what a "value" calls or is called on ({@code X(},
   * {@code X.method(}), is no name but a secret glued to what follows: a random token, or a run
   * no identifier can be ("Xk9!pLq2.export(").
   */
  private static boolean secretReceiver(CharSequence text, int start, int end) {
    if (end - start < 8) {
      return false; // a short name: "os.getenv(", "client.get("
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
        return true;
      }
    }
    return randomToken(text, start, end);
  }

  /** "f()", "dct[key", "generate_password($len)": an identifier called or indexed is code. */
  private static boolean callOrIndex(String v) {
    for (int i = 1; i < v.length(); i++) {
      char c = v.charAt(i);
      char p = v.charAt(i - 1);
      if ((c == '(' || c == '[') && (Character.isLetterOrDigit(p) || p == '_' || p == '(')) {
        return true;
      }
    }
    return false;
  }

  /** Lower-case letters and separators with a '/', no digits: a path or route, not a secret. */
  private static boolean isPlainPath(String v) {
    if (v.indexOf('/') < 0) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c == '/' || c == '_' || c == '-' || c == '.' || c == '#'
          || c == ':')) {
        return false;
      }
    }
    return true;
  }

  /** The key name just before an assigned value ("db_password" in db_password = "x"), or "". */
  static String keyBefore(CharSequence text, int valueStart) {
    return text.subSequence(keyStart(text, valueStart), keyEnd(text, valueStart)).toString();
  }

  private static boolean regionEndsWith(CharSequence text, int end, String s) {
    int from = end - s.length();
    if (from < 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (text.charAt(from + i) != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Start of the key word before a value: where {@link #keyBefore} begins. */
  private static int keyStart(CharSequence text, int valueStart) {
    int end = keyEnd(text, valueStart);
    int i = end;
    while (i > 0 && end - i < 64 && (Character.isLetterOrDigit(text.charAt(i - 1))
        || text.charAt(i - 1) == '_' || text.charAt(i - 1) == '.')) {
      i--;
    }
    return i;
  }

  /** End of the key word before a value: the value start less the assignment between them. */
  private static int keyEnd(CharSequence text, int valueStart) {
    int i = valueStart;
    int floor = Math.max(0, valueStart - 12);
    while (i > floor && " \t\"'`:=>\\-".indexOf(text.charAt(i - 1)) >= 0) {
      i--;
    }
    return i;
  }

  /** Key names whose values describe a credential field rather than hold one. */
  private static final String[] NON_SECRET_KEY_SUFFIXES = {
    "label", "field", "name", "text", "prompt", "placeholder", "hint", "message", "msg", "title",
    "type", "length", "policy", "url", "uri", "path", "file", "regex", "pattern", "format",
    "reset", "required", "confirm", "confirmation", "expiry", "expires", "expiration", "count",
    "min", "max", "enabled", "selector", "input", "param", "header", "column", "env", "var"
  };

  /**
   * Longest run of pairs "a1b2c3…" (ascending letters interleaved with digits; '-' ignored),
   * wherever it starts ("px-api-a1b2c3d4").
   */
  private static int alternatingRun(String s) {
    String t = s.replace("-", "");
    int best = 0;
    for (int parity = 0; parity < 2; parity++) {
      int run = 0;
      for (int k = parity; k + 1 < t.length(); k += 2) {
        boolean pair = Character.isLetter(t.charAt(k)) && Character.isDigit(t.charAt(k + 1));
        run = pair && (run == 0 || t.charAt(k) == t.charAt(k - 2) + 1) ? run + 1 : pair ? 1 : 0;
        best = Math.max(best, run);
      }
    }
    return best;
  }

  /** Longest run of consecutive ascending letters or digits ("abcdef", "123456"). */
  private static int sequenceRun(String s) {
    int run = 1;
    int best = s.isEmpty() ? 0 : 1;
    for (int i = 1; i < s.length(); i++) {
      char a = s.charAt(i - 1);
      char b = s.charAt(i);
      run = b == a + 1 && Character.isLetterOrDigit(a) && Character.isLetterOrDigit(b) ? run + 1 : 1;
      best = Math.max(best, run);
    }
    return best;
  }

  private static final java.util.Set<String> PLACEHOLDER_VALUES = java.util.Set.of(
      "true", "false", "null", "none", "nil", "required", "optional", "hidden", "masked", "empty",
      "string", "value", "changeme", "change_me", "change-me", "changeit", "redacted",
      "username", "user_name", "login", "email");

  private static final String[] PLACEHOLDER_WORDS = {
    "****", "....", "----", "####", "<", ">", "your_", "your-", "yourpass", "yoursecret",
    "yourtoken", "yourkey", "yourpassword", "placeholder", "redacted", "replace_me", "replace-me",
    "insert_", "undefined"
  };
}
