package io.guardstream.app.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The users with the highest recent anomaly scores for one window size, at most {@code capacity}
 * of them, so the gauges built from it stay bounded however many users there are. Each member
 * shows its latest window score. A member whose last window ended more than {@code horizonMs}
 * before the newest window end seen here (stream time, not wall clock) drops out. When full, a
 * newcomer replaces the lowest member only if it scores higher; a user displaced earlier is
 * considered again with its next score, so the set is exact for its members and approximate
 * about who is left out. Thread-safe: stream threads share one instance.
 */
final class TopUserRisk {
  /** One tracked user: tenant, user id, latest score and the end of the window it was scored on. */
  record Member(String tenant, String user, double score, long windowEndMs) {}

  private final int capacity;
  private final long horizonMs;
  private final Map<String, Member> members = new HashMap<>();
  private long newestEndMs = Long.MIN_VALUE;

  TopUserRisk(int capacity, long horizonMs) {
    if (capacity < 1 || horizonMs < 0) {
      throw new IllegalArgumentException("capacity must be positive and horizon not negative");
    }
    this.capacity = capacity;
    this.horizonMs = horizonMs;
  }

  /** Takes a closed window's score; returns whether the members or their scores changed. */
  synchronized boolean offer(String tenant, String user, double score, long windowEndMs) {
    newestEndMs = Math.max(newestEndMs, windowEndMs);
    boolean changed = members.values().removeIf(m -> m.windowEndMs() < newestEndMs - horizonMs);
    if (windowEndMs < newestEndMs - horizonMs) {
      return changed;
    }
    String key = tenant + ':' + user;
    Member current = members.get(key);
    if (current != null) {
      if (windowEndMs < current.windowEndMs()) {
        return changed;
      }
      members.put(key, new Member(tenant, user, score, windowEndMs));
      return true;
    }
    if (members.size() >= capacity) {
      Member lowest = lowest();
      if (score <= lowest.score()) {
        return changed;
      }
      members.remove(lowest.tenant() + ':' + lowest.user());
    }
    members.put(key, new Member(tenant, user, score, windowEndMs));
    return true;
  }

  synchronized List<Member> members() {
    return new ArrayList<>(members.values());
  }

  private Member lowest() {
    Member lowest = null;
    for (Member m : members.values()) {
      if (lowest == null || m.score() < lowest.score()) {
        lowest = m;
      }
    }
    return lowest;
  }
}
