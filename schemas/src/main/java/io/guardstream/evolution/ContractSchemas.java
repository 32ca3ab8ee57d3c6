package io.guardstream.evolution;

import io.guardstream.schema.AiEvent;
import io.guardstream.schema.Alert;
import io.guardstream.schema.AuditRecord;
import io.guardstream.schema.GuardRuleSet;
import io.guardstream.schema.SystemPromptFingerprint;
import io.guardstream.schema.UserRisk;
import java.util.List;
import org.apache.avro.Schema;

/** The top-level schemas of the contract: each is the value schema of one topic. */
public final class ContractSchemas {
  private ContractSchemas() {}

  /** Current schemas, fully resolved (named types used inside are inlined). */
  public static List<Schema> topLevel() {
    return List.of(
        AiEvent.getClassSchema(),
        AuditRecord.getClassSchema(),
        Alert.getClassSchema(),
        UserRisk.getClassSchema(),
        GuardRuleSet.getClassSchema(),
        SystemPromptFingerprint.getClassSchema());
  }
}
