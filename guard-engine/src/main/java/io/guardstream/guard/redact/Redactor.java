package io.guardstream.guard.redact;

import io.guardstream.guard.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The anonymising operator: replaces spans of a text with masks. Overlapping spans are merged
 * and the merged range gets the mask of its highest-priority, then longest, span. Recognisers decide what to redact;
 * this class only rewrites.
 */
public final class Redactor {
  private Redactor() {}

  /**
   * A span to replace and the mask that replaces it ({@code [EMAIL]}, {@code [EMAIL:1a2b…]}).
   * Where spans overlap, the highest priority wins, then the longest span.
   */
  public record Replacement(Span span, String mask, int priority) {
    public Replacement(Span span, String mask) {
      this(span, mask, 0);
    }
  }

  /** Typed mask for an entity type. */
  public static String mask(String entityType, String token) {
    return token == null ? "[" + entityType + "]" : "[" + entityType + ":" + token + "]";
  }

  /**
   * {@code text} with every replacement applied; spans past the end are clipped. With
   * {@code keep < text.length()} only the first {@code keep} chars are kept and a truncation
   * marker ends the result, so unscanned text never passes through.
   */
  public static String apply(String text, List<Replacement> replacements, int keep) {
    boolean truncated = keep < text.length();
    if (replacements.isEmpty() && !truncated) {
      return text;
    }
    List<Replacement> sorted = new ArrayList<>(replacements);
    sorted.sort(Comparator.comparingInt((Replacement r) -> r.span().start())
        .thenComparing(r -> -r.span().length()));
    int limit = Math.min(keep, text.length());
    StringBuilder b = new StringBuilder(limit + 16);
    int pos = 0;
    int i = 0;
    while (i < sorted.size()) {
      Replacement first = sorted.get(i);
      int start = Math.min(first.span().start(), limit);
      int end = Math.min(first.span().end(), limit);
      Replacement longest = first;
      int j = i + 1;
      while (j < sorted.size() && sorted.get(j).span().start() < end) {
        Replacement r = sorted.get(j);
        end = Math.max(end, Math.min(r.span().end(), limit));
        if (r.priority() > longest.priority()
            || r.priority() == longest.priority() && r.span().length() > longest.span().length()) {
          longest = r;
        }
        j++;
      }
      if (start >= pos) {
        b.append(text, pos, start);
        if (end > start) {
          b.append(longest.mask());
        }
        pos = Math.max(pos, end);
      } else if (end > pos) {
        pos = end;
      }
      i = j;
    }
    b.append(text, Math.min(pos, limit), limit);
    if (truncated) {
      b.append("[TRUNCATED:").append(text.length() - limit).append(" chars not scanned]");
    }
    return b.toString();
  }
}
