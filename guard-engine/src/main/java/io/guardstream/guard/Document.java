package io.guardstream.guard;

import java.util.List;

/** A retrieved document handed to the model, with its classification labels. */
public record Document(String id, List<String> labels) {
  public Document {
    labels = labels == null ? List.of() : List.copyOf(labels);
  }
}
