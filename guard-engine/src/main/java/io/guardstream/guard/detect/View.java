package io.guardstream.guard.detect;

/** What a detector looks at. */
public enum View {
  /** The field as sent (case and punctuation kept): secrets, PII, output patterns. */
  RAW,
  /** The normalised matching view (see {@code NormalizedText}): input rules against evasion. */
  NORMALIZED,
  /** The event's context (tool, model, documents, roles), once per event, no text. */
  EVENT
}
