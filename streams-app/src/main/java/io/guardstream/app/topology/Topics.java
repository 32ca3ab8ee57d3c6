package io.guardstream.app.topology;

import io.guardstream.schema.AiEvent;
import io.guardstream.schema.Alert;
import io.guardstream.schema.AuditRecord;
import io.guardstream.schema.GuardRuleSet;
import io.guardstream.schema.SystemPromptFingerprint;
import io.guardstream.schema.UserRisk;

/**
 * Every topic the topology reads or writes, injected from configuration. Events arrive as raw
 * bytes and are decoded inside the topology (so undecodable ones reach the DLQ with their bytes);
 * {@code events.valueSerde()} is the decoder used there. {@code alertsOcsf} carries the alerts again
 * as OCSF JSON strings.
 */
public record Topics(
    Topic<AiEvent> events,
    Topic<AuditRecord> audit,
    Topic<Alert> alerts,
    String alertsOcsf,
    Topic<UserRisk> userRisk,
    Topic<GuardRuleSet> guardRules,
    Topic<SystemPromptFingerprint> systemPrompts,
    String dlq) {}
