package io.guardstream.sdk;

/**
 * Carries the current user on the calling thread for integrations that cannot be given one per
 * call (such as the LangChain4j listener). Open a scope around the model call; closing it restores
 * the previous user:
 *
 * <pre>{@code
 * try (UserScope scope = UserScope.open(UserContext.of("acme", "alice"))) {
 *   String answer = chatModel.chat(question);
 * }
 * }</pre>
 */
public final class UserScope implements AutoCloseable {
  private static final ThreadLocal<UserContext> CURRENT = new ThreadLocal<>();

  private final UserContext previous;
  private boolean closed;

  private UserScope(UserContext previous) {
    this.previous = previous;
  }

  /** Makes {@code user} the current user of this thread until the scope is closed. */
  public static UserScope open(UserContext user) {
    UserScope scope = new UserScope(CURRENT.get());
    CURRENT.set(user);
    return scope;
  }

  /** The current user of this thread, or null outside any scope. */
  public static UserContext current() {
    return CURRENT.get();
  }

  /** Restores the user that was current when the scope was opened. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
