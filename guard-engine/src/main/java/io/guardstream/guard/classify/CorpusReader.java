package io.guardstream.guard.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads training texts from corpora in the eval format ({@code {"id","text","direction",
 * "expect":[...]}} per line). Only {@code direction: input} lines are used: the classifier judges
 * what reaches the model. A line is an attack when {@code expect} contains {@code prompt_attack}.
 * The optional {@code source} field names the line's origin; without it the file name is used.
 */
public final class CorpusReader {

  static final String ATTACK_CATEGORY = "prompt_attack";
  private static final ObjectMapper JSON = new ObjectMapper();

  private CorpusReader() {}

  /** All input-direction lines of {@code corpus}; fails on the first malformed line. */
  public static List<LabelledText> read(Path corpus) throws IOException {
    String fallbackSource = stripExtension(corpus.getFileName().toString());
    List<LabelledText> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        LabelledText text = parse(line, fallbackSource, corpus, number);
        if (text != null) {
          out.add(text);
        }
      }
    }
    return out;
  }

  private static LabelledText parse(String line, String fallbackSource, Path corpus, int number)
      throws IOException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      throw new IOException(corpus + ":" + number + ": not a JSON object: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IOException(corpus + ":" + number + ": not a JSON object");
    }
    JsonNode text = node.get("text");
    if (text == null || !text.isTextual()) {
      throw new IOException(corpus + ":" + number + ": missing string field \"text\"");
    }
    if (!"input".equals(node.path("direction").asText("input"))) {
      return null;
    }
    boolean attack = false;
    for (JsonNode category : node.path("expect")) {
      attack |= ATTACK_CATEGORY.equals(category.asText());
    }
    String id = node.path("id").asText(corpus.getFileName() + ":" + number);
    String source = node.path("source").asText(fallbackSource);
    return new LabelledText(id, text.asText(), attack, source);
  }

  private static String stripExtension(String name) {
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
