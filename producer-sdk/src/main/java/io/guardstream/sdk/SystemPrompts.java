package io.guardstream.sdk;

import io.guardstream.guard.PromptFingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The system prompts this app registered, as fingerprints, for inline leak checks of responses. */
final class SystemPrompts {
  private final ConcurrentHashMap<String, PromptFingerprint> byKey = new ConcurrentHashMap<>();

  /** The record key: {@code app:prompt_id}, or {@code tenant:app:prompt_id} for a tenant's prompt. */
  static String key(PromptFingerprint fp) {
    return (fp.tenant() == null ? "" : fp.tenant() + ":") + fp.appName() + ":" + fp.promptId();
  }

  /** Stores the fingerprint; false when the same one was already registered (nothing to publish). */
  boolean put(PromptFingerprint fp) {
    return !fp.equals(byKey.put(key(fp), fp));
  }

  /** Fingerprints that apply to a tenant's responses: the tenant's own and the app-wide ones. */
  List<PromptFingerprint> forTenant(String tenant) {
    List<PromptFingerprint> out = new ArrayList<>();
    for (PromptFingerprint fp : byKey.values()) {
      if (fp.tenant() == null || Objects.equals(fp.tenant(), tenant)) {
        out.add(fp);
      }
    }
    return out;
  }
}
