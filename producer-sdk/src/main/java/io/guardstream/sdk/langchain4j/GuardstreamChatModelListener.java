package io.guardstream.sdk.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.guardstream.sdk.EventBuilder;
import io.guardstream.sdk.GuardstreamClient;
import io.guardstream.sdk.Interaction;
import io.guardstream.sdk.UserContext;
import io.guardstream.sdk.UserScope;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every call of a LangChain4j {@code ChatModel} through a {@link GuardstreamClient},
 * without touching the app's call sites: add it to the model's listeners.
 *
 * <pre>{@code
 * ChatModel model = OpenAiChatModel.builder()...listeners(List.of(new GuardstreamChatModelListener(client))).build();
 * try (UserScope scope = UserScope.open(UserContext.of("acme", "alice"))) {
 *   model.chat(question);
 * }
 * }</pre>
 *
 * <p>Per call it records the new user message as PROMPT and tool results since the model's last
 * answer as TOOL_RESULT (on request), and the answer as RESPONSE plus one TOOL_CALL per tool
 * request, with token usage, latency and response model (on response); a failed call is recorded as
 * a RESPONSE without content and with attribute {@code error.type}. Calls that continue a tool loop
 * (the request ends with tool results) stay in the interaction of the prompt that started it.
 *
 * <p>The user comes from the listener attribute {@link #USER} (pass a {@link UserContext} with
 * {@code ChatRequestOptions.builder().addListenerAttribute(USER, user)}), else from the thread's
 * {@link UserScope}, else the fallback user given to the constructor. The listener never throws into
 * the model call; problems are logged at debug level.
 */
public final class GuardstreamChatModelListener implements ChatModelListener {
  /** Listener attribute key for the call's {@link UserContext}. */
  public static final String USER = "guardstream.user";
  /** Listener attribute key for the call's {@link Interaction}; set by the listener, or by the app to continue one. */
  public static final String INTERACTION = "guardstream.interaction";
  private static final String STARTED = "guardstream.started.nanos";
  private static final Logger log = LoggerFactory.getLogger(GuardstreamChatModelListener.class);

  private final GuardstreamClient client;
  private final UserContext fallbackUser;
  private final ThreadLocal<Interaction> lastInteraction = new ThreadLocal<>();

  /** A listener whose calls without a user are recorded for tenant {@code default}, user {@code anonymous}. */
  public GuardstreamChatModelListener(GuardstreamClient client) {
    this(client, UserContext.of("default", "anonymous"));
  }

  /** A listener recording calls without a user as {@code fallbackUser}. */
  public GuardstreamChatModelListener(GuardstreamClient client, UserContext fallbackUser) {
    this.client = client;
    this.fallbackUser = fallbackUser;
  }

  @Override
  public void onRequest(ChatModelRequestContext context) {
    try {
      Map<Object, Object> attributes = context.attributes();
      List<ChatMessage> messages = context.chatRequest().messages();
      int lastUser = -1;
      int lastAi = -1;
      for (int i = 0; i < messages.size(); i++) {
        if (messages.get(i) instanceof UserMessage) {
          lastUser = i;
        } else if (messages.get(i) instanceof AiMessage) {
          lastAi = i;
        }
      }
      boolean continuation = lastAi > lastUser;
      UserContext user = user(attributes);
      Interaction turn;
      Interaction previous = lastInteraction.get();
      if (attributes.get(INTERACTION) instanceof Interaction given) {
        turn = given;
      } else if (continuation && previous != null && previous.user().equals(user)) {
        turn = previous;
      } else {
        turn = client.interaction(user);
      }
      turn = turn.withModel(provider(context.modelProvider()), context.chatRequest().modelName());
      attributes.put(INTERACTION, turn);
      attributes.put(STARTED, System.nanoTime());
      lastInteraction.set(turn);
      if (!continuation && lastUser >= 0) {
        turn.prompt(text((UserMessage) messages.get(lastUser))).record();
      }
      for (int i = Math.max(lastAi, lastUser) + 1; i < messages.size(); i++) {
        if (messages.get(i) instanceof ToolExecutionResultMessage result) {
          turn.toolResult(result.toolName(), result.text()).callId(result.id()).record();
        }
      }
    } catch (RuntimeException e) {
      log.debug("guardstream listener: could not record the request: {}", e.toString());
    }
  }

  @Override
  public void onResponse(ChatModelResponseContext context) {
    try {
      Interaction turn = (Interaction) context.attributes().get(INTERACTION);
      if (turn == null) {
        return;
      }
      ChatResponse response = context.chatResponse();
      AiMessage ai = response.aiMessage();
      long latency = latencyMillis(context.attributes());
      if (ai.hasToolExecutionRequests()) {
        for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
          turn.toolCall(call.name(), call.arguments()).callId(call.id()).responseModel(response.modelName()).record();
        }
      }
      if (ai.text() != null || !ai.hasToolExecutionRequests()) {
        EventBuilder event = turn.response(ai.text()).responseModel(response.modelName()).latencyMs(latency);
        TokenUsage usage = response.tokenUsage();
        if (usage != null && usage.inputTokenCount() != null) {
          event.inputTokens(usage.inputTokenCount());
        }
        if (usage != null && usage.outputTokenCount() != null) {
          event.outputTokens(usage.outputTokenCount());
        }
        if (response.finishReason() != null) {
          event.attribute("gen_ai.response.finish_reasons", response.finishReason().name().toLowerCase(Locale.ROOT));
        }
        event.record();
      }
    } catch (RuntimeException e) {
      log.debug("guardstream listener: could not record the response: {}", e.toString());
    }
  }

  @Override
  public void onError(ChatModelErrorContext context) {
    try {
      Interaction turn = (Interaction) context.attributes().get(INTERACTION);
      if (turn != null) {
        turn.response(null).latencyMs(latencyMillis(context.attributes()))
            .attribute("error.type", context.error().getClass().getName()).record();
      }
    } catch (RuntimeException e) {
      log.debug("guardstream listener: could not record the error: {}", e.toString());
    }
  }

  private UserContext user(Map<Object, Object> attributes) {
    if (attributes.get(USER) instanceof UserContext given) {
      return given;
    }
    UserContext scoped = UserScope.current();
    return scoped != null ? scoped : fallbackUser;
  }

  private static long latencyMillis(Map<Object, Object> attributes) {
    return attributes.get(STARTED) instanceof Long started ? (System.nanoTime() - started) / 1_000_000 : 0;
  }

  private static String text(UserMessage message) {
    if (message.hasSingleText()) {
      return message.singleText();
    }
    StringBuilder text = new StringBuilder();
    for (Content c : message.contents()) {
      if (c instanceof TextContent t) {
        text.append(text.length() == 0 ? "" : "\n").append(t.text());
      }
    }
    return text.toString();
  }

  /** OpenTelemetry gen_ai.provider.name values for LangChain4j's providers. */
  static String provider(ModelProvider provider) {
    if (provider == null) {
      return null;
    }
    return switch (provider) {
      case OPEN_AI -> "openai";
      case AZURE_OPEN_AI -> "azure.ai.openai";
      case ANTHROPIC -> "anthropic";
      case AMAZON_BEDROCK -> "aws.bedrock";
      case GOOGLE_AI_GEMINI -> "gcp.gemini";
      case GOOGLE_VERTEX_AI_GEMINI, GOOGLE_VERTEX_AI_ANTHROPIC -> "gcp.vertex_ai";
      case MISTRAL_AI -> "mistral_ai";
      case WATSONX -> "ibm.watsonx.ai";
      default -> provider.name().toLowerCase(Locale.ROOT);
    };
  }
}
