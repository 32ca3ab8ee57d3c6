package io.guardstream.app.topology;

import io.guardstream.guard.Finding;
import io.guardstream.guard.GuardResult;
import io.guardstream.schema.AiEvent;
import io.guardstream.schema.AuditRecord;
import io.guardstream.schema.Decision;
import io.guardstream.schema.Severity;
import io.guardstream.schema.Span;
import io.guardstream.schema.ToolInvocation;
import io.guardstream.schema.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Builds the audit record of an event from the guard's result: redacted fields only. */
final class AuditRecords {
  private AuditRecords() {}

  static AuditRecord of(AiEvent e, GuardResult r, Instant processedAt) {
    String content = e.getContent();
    ToolInvocation tool = e.getTool() == null ? null : ToolInvocation.newBuilder(e.getTool())
        .setArguments(r.redactedToolArguments())
        .build();
    return AuditRecord.newBuilder()
        .setEventId(e.getEventId())
        .setInteractionId(e.getInteractionId())
        .setConversationId(e.getConversationId())
        .setSessionId(e.getSessionId())
        .setKind(e.getKind())
        .setEventTime(e.getEventTime())
        .setProcessedTime(processedAt)
        .setTenant(e.getTenant())
        .setUserId(e.getUserId())
        .setUserRoles(e.getUserRoles())
        .setClientIp(e.getClientIp())
        .setApp(e.getApp())
        .setProvider(e.getProvider())
        .setRequestModel(e.getRequestModel())
        .setResponseModel(e.getResponseModel())
        .setContentRedacted(content == null ? null : r.redactedContent())
        .setContentLength(content == null ? 0 : content.length())
        .setContentSha256(content == null ? null : sha256(content))
        .setContentTruncated(e.getContentTruncated())
        .setUsage(e.getUsage())
        .setLatencyMs(e.getLatencyMs())
        .setTool(tool)
        .setDocuments(e.getDocuments())
        .setAttributes(new java.util.HashMap<>(r.redactedAttributes()))
        .setSdk(e.getSdk())
        .setFindings(findings(r.findings()))
        .setVerdict(Verdict.newBuilder()
            .setDecision(Decision.valueOf(r.decision().name()))
            .setScores(new java.util.HashMap<>(r.scores()))
            .setRuleSetVersion(r.ruleSetVersion())
            .setLimitsHit(r.limitsHit())
            .build())
        .build();
  }

  static List<io.guardstream.schema.Finding> findings(List<Finding> findings) {
    List<io.guardstream.schema.Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      out.add(io.guardstream.schema.Finding.newBuilder()
          .setRuleId(f.ruleId())
          .setCategory(f.category())
          .setEntityType(f.entityType())
          .setSeverity(Severity.valueOf(f.severity().name()))
          .setConfidence(f.confidence())
          .setDetector(f.detector())
          .setLocation(f.location())
          .setSpan(f.span() == null ? null : new Span(f.span().start(), f.span().end()))
          .setValueToken(f.valueToken())
          .setMessage(f.message())
          .setTags(f.tags())
          .build());
    }
    return out;
  }

  static String sha256(String content) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
