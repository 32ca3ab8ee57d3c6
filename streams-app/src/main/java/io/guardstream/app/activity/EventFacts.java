package io.guardstream.app.activity;

import java.util.List;

/**
 * What the behavioural features need from one guarded event.
 *
 * @param timeMs event time
 * @param prompt a PROMPT event (a request)
 * @param input content the model reads (prompt, tool result, retrieval) rather than writes
 * @param chars content length
 * @param inputTokens reported input tokens, 0 if unknown
 * @param outputTokens reported output tokens, 0 if unknown
 * @param findingCategories category of each finding
 * @param blocked the verdict was BLOCK
 * @param session session or conversation id, or null
 * @param ip client IP, or null
 * @param tool tool name, or null
 * @param model model name, or null
 */
public record EventFacts(long timeMs, boolean prompt, boolean input, int chars, long inputTokens, long outputTokens,
    List<String> findingCategories, boolean blocked, String session, String ip, String tool, String model) {}
