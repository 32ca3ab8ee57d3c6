package io.guardstream.guard.eval;

import java.util.List;
import java.util.Set;

/**
 * One labelled event of an evaluation corpus (one JSONL line).
 *
 * @param id event id
 * @param text the event's content
 * @param input true for direction "input" (checked as PROMPT), false for "output" (RESPONSE)
 * @param expect categories the event is labelled with (empty = benign)
 * @param spans gold spans, or null when the line gives none
 * @param systemPrompt system prompt registered for this event, or null
 * @param source optional source label (for per-source breakdowns), or null
 */
public record CorpusEvent(
    String id,
    String text,
    boolean input,
    Set<String> expect,
    List<GoldSpan> spans,
    String systemPrompt,
    String source) {

  /** A labelled span: [start, end) in UTF-16 code units, with an optional entity type. */
  public record GoldSpan(int start, int end, String type) {}
}
