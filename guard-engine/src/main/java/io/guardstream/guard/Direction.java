package io.guardstream.guard;

/** Input rules guard what reaches the model; output rules guard what it produces. */
public enum Direction {
  INPUT,
  OUTPUT
}
