package io.guardstream.app.topology;

import io.guardstream.app.config.AppConfig;
import io.guardstream.guard.Severity;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The values the topology needs, separated from where they came from. */
public record TopologySettings(
    String ruleSetId,
    int maxContentChars,
    Severity alertMinSeverity,
    Duration alertSuppression,
    List<Duration> anomalyWindows,
    Duration anomalyGrace,
    double anomalyAlertThreshold,
    double anomalyClearThreshold,
    int businessHourStart,
    int businessHourEnd,
    ZoneId timeZone,
    String productVersion) {

  public static TopologySettings from(AppConfig c) {
    int[] hours = c.get(AppConfig.BUSINESS_HOURS);
    return new TopologySettings(
        c.get(AppConfig.RULE_SET_ID),
        c.get(AppConfig.MAX_CONTENT_CHARS),
        c.get(AppConfig.ALERT_MIN_SEVERITY),
        c.get(AppConfig.ALERT_SUPPRESSION),
        c.get(AppConfig.ANOMALY_WINDOWS),
        c.get(AppConfig.ANOMALY_GRACE),
        c.get(AppConfig.ANOMALY_ALERT_THRESHOLD),
        c.get(AppConfig.ANOMALY_CLEAR_THRESHOLD),
        hours[0],
        hours[1],
        c.get(AppConfig.TIME_ZONE),
        manifestVersion());
  }

  /** The version in the jar manifest, or "dev" when running from classes. */
  static String manifestVersion() {
    String v = TopologySettings.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
