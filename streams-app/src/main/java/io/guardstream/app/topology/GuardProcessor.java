package io.guardstream.app.topology;

import io.guardstream.app.metrics.GuardMetrics;
import io.guardstream.app.rules.ActiveRules;
import io.guardstream.app.rules.SystemPromptIndex;
import io.guardstream.guard.Action;
import io.guardstream.guard.Decision;
import io.guardstream.guard.Direction;
import io.guardstream.guard.Document;
import io.guardstream.guard.Finding;
import io.guardstream.guard.GuardRequest;
import io.guardstream.guard.GuardResult;
import io.guardstream.guard.Kind;
import io.guardstream.guard.Severity;
import io.guardstream.schema.AiEvent;
import io.guardstream.schema.RetrievedDocument;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the active rule set on each event and builds its audit record. */
final class GuardProcessor implements FixedKeyProcessor<String, AiEvent, Guarded> {
  private static final Logger log = LoggerFactory.getLogger(GuardProcessor.class);
  private final ActiveRules rules;
  private final SystemPromptIndex systemPrompts;
  private final GuardMetrics metrics;
  private FixedKeyProcessorContext<String, Guarded> context;

  GuardProcessor(ActiveRules rules, SystemPromptIndex systemPrompts, GuardMetrics metrics) {
    this.rules = rules;
    this.systemPrompts = systemPrompts;
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Guarded> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, AiEvent> record) {
    AiEvent event = record.value();
    GuardRequest request = request(event);
    long start = System.nanoTime();
    GuardResult result;
    try {
      result = rules.engine().check(request);
    } catch (RuntimeException e) {
      // A defect must neither stop the stream nor leak: audit the event with its content withheld.
      log.error("guard engine failed on event {}", event.getEventId(), e);
      metrics.guardError();
      result = withheld(e, rules.active().version());
    }
    metrics.guardLatency(System.nanoTime() - start);

    metrics.event(event.getKind().name(), event.getContent() == null ? 0 : event.getContent().length());
    for (Finding f : result.findings()) {
      metrics.finding(f.category(), f.ruleId());
    }
    metrics.verdict(result.decision().name());
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    metrics.endToEndLatency(now.toEpochMilli() - event.getEventTime().toEpochMilli());
    context.forward(record.withValue(new Guarded(event, result, AuditRecords.of(event, result, now))));
  }

  static GuardResult withheld(RuntimeException e, String ruleSetVersion) {
    Finding error = new Finding("guard.error", "policy", "GUARD_ERROR", Severity.HIGH, 1.0, Action.ALERT, "engine",
        "content", null, null, "guard engine failed (" + e.getClass().getSimpleName() + "); content withheld from the audit",
        List.of());
    return new GuardResult(List.of(error), Decision.FLAG, Map.of(), List.of(), ruleSetVersion, null, null, Map.of());
  }

  private GuardRequest request(AiEvent e) {
    Kind kind = Kind.valueOf(e.getKind().name());
    GuardRequest.Builder b = GuardRequest.builder(kind)
        .content(e.getContent())
        .tenant(e.getTenant())
        .appName(e.getApp().getName())
        .model(e.getResponseModel() != null ? e.getResponseModel() : e.getRequestModel())
        .userRoles(new HashSet<>(e.getUserRoles()))
        .attributes(e.getAttributes());
    if (e.getTool() != null) {
      b.tool(e.getTool().getName(), e.getTool().getArguments());
    }
    if (!e.getDocuments().isEmpty()) {
      List<Document> docs = e.getDocuments().stream()
          .map((RetrievedDocument d) -> new Document(d.getId(), d.getLabels()))
          .toList();
      b.documents(docs);
    }
    if (kind.direction() == Direction.OUTPUT) {
      b.systemPrompts(systemPrompts.forApp(e.getTenant(), e.getApp().getName()));
    }
    return b.build();
  }
}
