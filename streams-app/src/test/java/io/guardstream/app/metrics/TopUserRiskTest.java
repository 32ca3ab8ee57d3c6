package io.guardstream.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class TopUserRiskTest {
  private static final long MINUTE = 60_000;

  @Test
  void keepsOnlyTheHighestScoresOnceFull() {
    TopUserRisk top = new TopUserRisk(2, 60 * MINUTE);
    assertThat(top.offer("acme", "a", 10, MINUTE)).isTrue();
    assertThat(top.offer("acme", "b", 50, MINUTE)).isTrue();
    assertThat(top.offer("acme", "c", 5, MINUTE)).as("lower than every member").isFalse();
    assertThat(top.offer("acme", "d", 70, MINUTE)).isTrue();
    assertThat(top.members()).extracting(TopUserRisk.Member::user, TopUserRisk.Member::score)
        .containsExactlyInAnyOrder(tuple("b", 50.0), tuple("d", 70.0));
  }

  @Test
  void aMemberShowsItsLatestScoreEvenWhenItFalls() {
    TopUserRisk top = new TopUserRisk(3, 60 * MINUTE);
    top.offer("acme", "a", 90, MINUTE);
    assertThat(top.offer("acme", "a", 20, 2 * MINUTE)).isTrue();
    assertThat(top.members()).singleElement().satisfies(m -> {
      assertThat(m.score()).isEqualTo(20.0);
      assertThat(m.windowEndMs()).isEqualTo(2 * MINUTE);
    });
  }

  @Test
  void anOlderWindowDoesNotOverwriteANewerOne() {
    TopUserRisk top = new TopUserRisk(3, 60 * MINUTE);
    top.offer("acme", "a", 40, 5 * MINUTE);
    assertThat(top.offer("acme", "a", 99, 4 * MINUTE)).isFalse();
    assertThat(top.members()).singleElement().extracting(TopUserRisk.Member::score).isEqualTo(40.0);
  }

  @Test
  void membersExpireByStreamTimeNotByWallClock() {
    TopUserRisk top = new TopUserRisk(3, 10 * MINUTE);
    top.offer("acme", "quiet", 95, MINUTE);
    top.offer("acme", "busy", 30, 5 * MINUTE);
    assertThat(top.offer("acme", "busy", 35, 12 * MINUTE)).isTrue();
    assertThat(top.members()).extracting(TopUserRisk.Member::user).containsExactly("busy");
    assertThat(top.offer("acme", "late", 99, MINUTE)).as("a window older than the horizon").isFalse();
    assertThat(top.members()).extracting(TopUserRisk.Member::user).containsExactly("busy");
  }

  @Test
  void tenantsAreTrackedApart() {
    TopUserRisk top = new TopUserRisk(3, 60 * MINUTE);
    top.offer("acme", "sam", 10, MINUTE);
    top.offer("globex", "sam", 80, MINUTE);
    assertThat(top.members()).extracting(TopUserRisk.Member::tenant, TopUserRisk.Member::score)
        .containsExactlyInAnyOrder(tuple("acme", 10.0), tuple("globex", 80.0));
  }
}
