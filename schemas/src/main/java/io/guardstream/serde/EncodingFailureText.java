package io.guardstream.serde;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes why Avro could not encode a record without quoting the offending value: Avro's own
 * messages include it ("value secret-123 (a String) cannot be cast to ..."), and these messages
 * end up in logs and dead-letter headers, where no content may leak.
 */
final class EncodingFailureText {
  /** Avro appends the field path last: "... at AiEvent.app.name". */
  private static final Pattern PATH = Pattern.compile(" at ([A-Za-z_][\\w.$\\[\\]]*)$");
  private static final Pattern CAST =
      Pattern.compile("\\(a ([\\w.$\\[\\]]+)\\) cannot be cast to expected type (\\w+) at [^ ]+$");

  private EncodingFailureText() {}

  static String describe(Throwable failure) {
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    Matcher path = PATH.matcher(message);
    String where = path.find() ? " at " + path.group(1) : "";
    if (failure instanceof NullPointerException) {
      return "null value for a non-nullable field" + where;
    }
    if (failure instanceof ClassCastException) {
      Matcher cast = CAST.matcher(message);
      return cast.find()
          ? "value of Java type " + cast.group(1) + " where Avro type " + cast.group(2) + " is expected" + where
          : "value of the wrong Java type" + where;
    }
    return failure.getClass().getSimpleName() + where;
  }
}
