package io.guardstream.sdk;

import java.util.List;
import java.util.Objects;

/**
 * A document a retriever handed to the model: its id, its classification labels (checked against
 * the user's roles) and where it came from.
 *
 * @param id document id in the app's store
 * @param labels classification labels (e.g. confidential, hr-only)
 * @param source index or URL it came from, or null
 */
public record RetrievedDoc(String id, List<String> labels, String source) {
  /**
   * @throws NullPointerException when id is null
   */
  public RetrievedDoc {
    Objects.requireNonNull(id, "id");
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  /** A document with labels and no source. */
  public static RetrievedDoc of(String id, String... labels) {
    return new RetrievedDoc(id, List.of(labels), null);
  }
}
