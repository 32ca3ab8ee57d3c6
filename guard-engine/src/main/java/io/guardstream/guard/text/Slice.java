package io.guardstream.guard.text;

/** A window onto another char sequence, without copying. */
public final class Slice implements CharSequence {
  private final CharSequence base;
  private final int offset;
  private final int length;

  public Slice(CharSequence base, int start, int end) {
    if (start < 0 || end < start || end > base.length()) {
      throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + base.length());
    }
    this.base = base;
    this.offset = start;
    this.length = end - start;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException(index);
    }
    return base.charAt(offset + index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new Slice(base, offset + start, offset + end);
  }

  @Override
  public String toString() {
    return base.subSequence(offset, offset + length).toString();
  }
}
