package io.guardstream.guard;

/** Severity of a finding, lowest first (same symbols as the Avro Severity). */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
