package io.guardstream.app.topology;

/** Why an event went to the dead-letter topic (header {@link DlqHeaders#REASON}, metric tag). */
public enum DlqReason {
  NULL_VALUE("null-value"),
  BAD_MAGIC_BYTE("bad-magic-byte"),
  UNKNOWN_SCHEMA_ID("unknown-schema-id"),
  UNDECODABLE("undecodable"),
  INVALID_EVENT("invalid-event"),
  CONTENT_TOO_LARGE("content-too-large");

  private final String label;

  DlqReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
