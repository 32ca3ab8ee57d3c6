package io.guardstream.app.ocsf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardstream.schema.Alert;
import io.guardstream.schema.AlertType;

/**
 * Projects an {@link Alert} onto an OCSF 1.3 Detection Finding (class_uid 2004, category Findings)
 * as JSON, so a SIEM that speaks OCSF ingests guardstream's alerts without a mapping of its own.
 * A first publication is activity Create (type_uid 200401); the republication of a folded alert
 * with its final count is an Update (200402) of the same finding uid.
 */
public final class DetectionFinding {
  public static final int CLASS_UID = 2004;
  public static final String OCSF_VERSION = "1.3.0";
  private static final ObjectMapper JSON = new ObjectMapper();

  private DetectionFinding() {}

  public static String json(Alert a, String productVersion) {
    return of(a, productVersion).toString();
  }

  static ObjectNode of(Alert a, String productVersion) {
    boolean update = a.getCount() > 1;
    int activity = update ? 2 : 1;
    ObjectNode f = JSON.createObjectNode();
    f.put("class_uid", CLASS_UID);
    f.put("class_name", "Detection Finding");
    f.put("category_uid", 2);
    f.put("category_name", "Findings");
    f.put("activity_id", activity);
    f.put("activity_name", update ? "Update" : "Create");
    f.put("type_uid", CLASS_UID * 100 + activity);
    f.put("type_name", "Detection Finding: " + (update ? "Update" : "Create"));
    f.put("time", a.getAlertTime().toEpochMilli());
    f.put("start_time", a.getFirstSeen().toEpochMilli());
    f.put("end_time", a.getLastSeen().toEpochMilli());
    f.put("count", a.getCount());
    int severity = a.getSeverity().ordinal() + 1;
    f.put("severity_id", severity);
    f.put("severity", switch (severity) {
      case 1 -> "Informational";
      case 2 -> "Low";
      case 3 -> "Medium";
      case 4 -> "High";
      default -> "Critical";
    });
    f.put("status_id", 1);
    f.put("status", "New");
    f.put("message", a.getTitle());
    if (a.getType() == AlertType.GUARD) {
      f.put("confidence_score", (int) Math.round(a.getScore() * 100));
    } else {
      f.put("risk_score", (int) Math.round(a.getScore()));
    }

    ObjectNode metadata = f.putObject("metadata");
    metadata.put("version", OCSF_VERSION);
    metadata.put("uid", a.getAlertId());
    metadata.put("correlation_uid", a.getDedupKey());
    metadata.putArray("labels").add(a.getType().name().toLowerCase(java.util.Locale.ROOT));
    ObjectNode product = metadata.putObject("product");
    product.put("name", "guardstream");
    product.put("vendor_name", "guardstream");
    product.put("version", productVersion);

    ObjectNode info = f.putObject("finding_info");
    info.put("uid", a.getAlertId());
    info.put("title", a.getTitle());
    info.put("desc", a.getEvidence());
    info.putArray("types").add(a.getCategory());
    info.put("created_time", a.getAlertTime().toEpochMilli());
    info.put("first_seen_time", a.getFirstSeen().toEpochMilli());
    info.put("last_seen_time", a.getLastSeen().toEpochMilli());
    info.put("modified_time", a.getLastSeen().toEpochMilli());
    ObjectNode analytic = info.putObject("analytic");
    analytic.put("uid", String.join(",", a.getRuleIds()));
    analytic.put("name", String.join(",", a.getRuleIds()));
    // OCSF analytic types: 1 Rule, 2 Behavioral.
    analytic.put("type_id", a.getType() == AlertType.GUARD ? 1 : 2);
    analytic.put("type", a.getType() == AlertType.GUARD ? "Rule" : "Behavioral");
    ArrayNode attacks = info.putArray("attacks");
    for (String technique : a.getAtlasTechniques()) {
      ObjectNode attack = attacks.addObject();
      attack.put("version", "MITRE ATLAS");
      attack.putObject("technique").put("uid", technique);
    }
    ArrayNode related = info.putArray("related_events");
    for (String id : a.getEventIds()) {
      related.addObject().put("uid", id);
    }

    ArrayNode resources = f.putArray("resources");
    ObjectNode user = resources.addObject();
    user.put("type", "User");
    user.put("uid", a.getTenant() + ":" + a.getUserId());
    user.put("name", a.getUserId());
    if (a.getAppName() != null) {
      ObjectNode app = resources.addObject();
      app.put("type", "Application");
      app.put("name", a.getAppName());
    }
    f.putArray("evidences").addObject().putObject("data").put("evidence", a.getEvidence());

    ObjectNode unmapped = f.putObject("unmapped");
    unmapped.put("tenant", a.getTenant());
    unmapped.put("alert_type", a.getType().name());
    unmapped.put("category", a.getCategory());
    ArrayNode owasp = unmapped.putArray("owasp_llm");
    a.getOwaspLlm().forEach(owasp::add);
    if (a.getInteractionId() != null) {
      unmapped.put("interaction_id", a.getInteractionId());
    }
    if (a.getWindowStart() != null) {
      unmapped.put("window_start_time", a.getWindowStart().toEpochMilli());
      unmapped.put("window_end_time", a.getWindowEnd().toEpochMilli());
    }
    return f;
  }
}
