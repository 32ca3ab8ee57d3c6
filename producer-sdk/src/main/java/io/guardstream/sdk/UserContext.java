package io.guardstream.sdk;

import java.util.List;

/**
 * Who an interaction is for: tenant and user (the record key is {@code tenant:user_id}), the
 * user's roles (checked against document labels), and optionally the app session, conversation
 * and client IP. Immutable; the {@code with*} methods return copies.
 *
 * @param tenant tenant (customer, business unit) the user belongs to
 * @param userId stable id of the end user
 * @param roles the user's roles
 * @param sessionId the user's application session, or null
 * @param conversationId the multi-turn conversation, or null
 * @param clientIp the end user's IP address, or null
 */
public record UserContext(
    String tenant, String userId, List<String> roles, String sessionId, String conversationId, String clientIp) {

  /**
   * @throws IllegalArgumentException when tenant or user id is null or blank
   */
  public UserContext {
    requireText(tenant, "tenant");
    requireText(userId, "userId");
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
  }

  /** A user of a tenant, with no roles, session, conversation or IP. */
  public static UserContext of(String tenant, String userId) {
    return new UserContext(tenant, userId, List.of(), null, null, null);
  }

  /** A copy with these roles. */
  public UserContext withRoles(String... roles) {
    return new UserContext(tenant, userId, List.of(roles), sessionId, conversationId, clientIp);
  }

  /** A copy with this application session id. */
  public UserContext withSession(String sessionId) {
    return new UserContext(tenant, userId, roles, sessionId, conversationId, clientIp);
  }

  /** A copy with this conversation id (gen_ai.conversation.id). */
  public UserContext withConversation(String conversationId) {
    return new UserContext(tenant, userId, roles, sessionId, conversationId, clientIp);
  }

  /** A copy with this client IP address. */
  public UserContext withClientIp(String clientIp) {
    return new UserContext(tenant, userId, roles, sessionId, conversationId, clientIp);
  }

  /** The Kafka record key of this user's events: {@code tenant:user_id}. */
  public String recordKey() {
    return tenant + ":" + userId;
  }
}
