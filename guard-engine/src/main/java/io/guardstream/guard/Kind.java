package io.guardstream.guard;

/** What an event carries; mirrors the Avro EventKind so the engine stays free of Avro. */
public enum Kind {
  PROMPT(Direction.INPUT),
  RESPONSE(Direction.OUTPUT),
  TOOL_CALL(Direction.OUTPUT),
  TOOL_RESULT(Direction.INPUT),
  RETRIEVAL(Direction.INPUT);

  private final Direction direction;

  Kind(Direction direction) {
    this.direction = direction;
  }

  /** INPUT for what reaches the model, OUTPUT for what the model produces. */
  public Direction direction() {
    return direction;
  }
}
