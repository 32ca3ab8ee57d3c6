package io.guardstream.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert rules are complete for an on-call engineer, and each has promtool tests both ways. */
class AlertRulesTest {
  private static final List<String> REQUIRED = List.of(
      "GuardstreamDown", "GuardstreamConsumerLagGrowing", "GuardstreamDeadLetters", "GuardstreamRuleSetRejected",
      "GuardstreamAlertStorm", "GuardstreamNoEvents", "GuardstreamNotRunning", "GuardstreamGuardErrors");

  @Test
  void theAlertsOperatorsNeedAreThere() throws Exception {
    assertThat(AlertRules.rules()).extracting(AlertRules.Rule::alert).containsAll(REQUIRED).doesNotHaveDuplicates();
  }

  @Test
  void everyAlertHasASeverityASummaryADescriptionAndSelectsTheJob() throws Exception {
    for (AlertRules.Rule rule : AlertRules.rules()) {
      assertThat(rule.labels().path("severity").asText()).as(rule.alert()).isIn("critical", "warning");
      assertThat(rule.annotations().path("summary").asText()).as(rule.alert()).isNotBlank();
      assertThat(rule.annotations().path("description").asText()).as(rule.alert()).isNotBlank();
      assertThat(rule.expr()).as(rule.alert()).contains("job=\"guardstream\"");
    }
  }

  @Test
  void everyAlertHasAPromtoolCaseWhereItFiresAndOneWhereItDoesNot() throws Exception {
    List<AlertRules.Case> cases = AlertRules.testCases();
    for (AlertRules.Rule rule : AlertRules.rules()) {
      assertThat(cases).as("%s fires in some test", rule.alert())
          .anyMatch(c -> c.alert().equals(rule.alert()) && c.expectsAlerts());
      assertThat(cases).as("%s stays quiet in some test", rule.alert())
          .anyMatch(c -> c.alert().equals(rule.alert()) && !c.expectsAlerts());
    }
  }
}
