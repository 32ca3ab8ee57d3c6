package io.guardstream.guard;

/** What a rule asks for when it matches, weakest first. */
public enum Action {
  ALERT,
  REDACT,
  BLOCK
}
