package io.guardstream.guard.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the eval corpus format (DESIGN.md, "Evaluation contracts"): one JSON object per line with
 * {@code id, text, direction, expect}, optional {@code spans} and {@code system_prompt}. Unknown
 * fields are ignored ({@code source} is kept for breakdowns); blank lines are skipped. A malformed
 * line fails the whole read with its line number.
 */
public final class CorpusReader {
  private CorpusReader() {}

  /** Categories the eval scores. */
  public static final List<String> CATEGORIES =
      List.of("prompt_attack", "secret", "pii", "prompt_leak");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Thrown for a line that is not a valid corpus event. */
  public static final class CorpusFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    CorpusFormatException(String message) {
      super(message);
    }
  }

  public static List<CorpusEvent> read(Path corpus) throws IOException {
    List<CorpusEvent> events = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (!line.isBlank()) {
          events.add(parse(line, corpus + ":" + lineNo));
        }
      }
    }
    return events;
  }

  static CorpusEvent parse(String line, String where) throws CorpusFormatException {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new CorpusFormatException(where + ": not JSON: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      throw new CorpusFormatException(where + ": not a JSON object");
    }
    JsonNode id = n.get("id");
    if (id == null || !(id.isTextual() || id.isNumber())) {
      throw new CorpusFormatException(where + ": id: required string or number");
    }
    JsonNode text = n.get("text");
    if (text == null || !text.isTextual()) {
      throw new CorpusFormatException(where + ": text: required string");
    }
    String direction = n.path("direction").asText("");
    if (!direction.equals("input") && !direction.equals("output")) {
      throw new CorpusFormatException(where + ": direction: must be \"input\" or \"output\"");
    }
    Set<String> expect = new LinkedHashSet<>();
    JsonNode ex = n.get("expect");
    if (ex != null && !ex.isNull()) {
      if (!ex.isArray()) {
        throw new CorpusFormatException(where + ": expect: must be a list of categories");
      }
      for (JsonNode c : ex) {
        if (!CATEGORIES.contains(c.asText())) {
          throw new CorpusFormatException(where + ": expect: unknown category '" + c.asText()
              + "' (known: " + CATEGORIES + ")");
        }
        expect.add(c.asText());
      }
    }
    List<CorpusEvent.GoldSpan> spans = null;
    JsonNode sp = n.get("spans");
    if (sp != null && !sp.isNull()) {
      if (!sp.isArray()) {
        throw new CorpusFormatException(where + ": spans: must be a list");
      }
      spans = new ArrayList<>();
      int len = text.asText().length();
      for (JsonNode s : sp) {
        int start = s.path("start").asInt(-1);
        int end = s.path("end").asInt(-1);
        if (!s.path("start").isInt() || !s.path("end").isInt() || start < 0 || end <= start
            || end > len) {
          throw new CorpusFormatException(where + ": spans: each needs 0 <= start < end <= "
              + len);
        }
        spans.add(new CorpusEvent.GoldSpan(start, end,
            s.hasNonNull("type") ? s.get("type").asText() : null));
      }
    }
    JsonNode sys = n.get("system_prompt");
    String systemPrompt = sys == null || sys.isNull() ? null : sys.asText();
    JsonNode src = n.get("source");
    String source = src == null || src.isNull() ? null : src.asText();
    return new CorpusEvent(id.asText(), text.asText(), direction.equals("input"), Set.copyOf(expect),
        spans == null ? null : List.copyOf(spans), systemPrompt, source);
  }
}
