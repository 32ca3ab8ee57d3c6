package io.guardstream.guard.classify;

import java.util.Objects;

/**
 * One training or evaluation text.
 *
 * @param id corpus line id
 * @param text the input text
 * @param attack whether the line expects {@code prompt_attack}
 * @param source corpus source the line came from (its {@code source} field, else the file name)
 */
public record LabelledText(String id, String text, boolean attack, String source) {

  public LabelledText {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
  }
}
