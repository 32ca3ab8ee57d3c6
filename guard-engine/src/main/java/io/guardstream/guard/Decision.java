package io.guardstream.guard;

/** The verdict on one event, weakest first (same symbols as the Avro Decision). */
public enum Decision {
  ALLOW,
  FLAG,
  REDACT,
  BLOCK
}
