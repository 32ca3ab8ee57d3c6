package io.guardstream.app.rules;

import io.guardstream.guard.PromptFingerprint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registered system prompts of every app, as fingerprints, shared by all stream threads. Updated
 * by the global system-prompts processor; read per output event by the guard.
 */
public final class SystemPromptIndex {
  private final Map<String, PromptFingerprint> byKey = new ConcurrentHashMap<>();
  // Per app, rebuilt on change: reads are a map lookup with no copying.
  private volatile Map<String, List<PromptFingerprint>> byApp = Map.of();

  public synchronized void put(String key, PromptFingerprint fingerprint) {
    byKey.put(key, fingerprint);
    rebuild();
  }

  public synchronized void remove(String key) {
    if (byKey.remove(key) != null) {
      rebuild();
    }
  }

  /** Fingerprints the app registered for this tenant or for all its tenants. */
  public List<PromptFingerprint> forApp(String tenant, String appName) {
    List<PromptFingerprint> all = byApp.get(appName);
    if (all == null) {
      return List.of();
    }
    boolean allShared = true;
    for (PromptFingerprint p : all) {
      if (p.tenant() != null) {
        allShared = false;
        break;
      }
    }
    if (allShared) {
      return all;
    }
    List<PromptFingerprint> matching = new ArrayList<>(all.size());
    for (PromptFingerprint p : all) {
      if (p.tenant() == null || p.tenant().equals(tenant)) {
        matching.add(p);
      }
    }
    return matching;
  }

  public int size() {
    return byKey.size();
  }

  private void rebuild() {
    Map<String, List<PromptFingerprint>> next = new HashMap<>();
    byKey.values().forEach(p -> next.computeIfAbsent(p.appName(), a -> new ArrayList<>()).add(p));
    next.replaceAll((app, list) -> List.copyOf(list));
    byApp = Map.copyOf(next);
  }
}
