package io.guardstream.examples;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A LangChain4j {@link ChatModel} that runs locally and stands in for a real provider (none is
 * reachable here). It answers support questions from canned text, asks for the {@code lookup_order}
 * tool when an order number appears, and, like a careless real model, quotes its system prompt
 * when asked for a discount, so leak detection has something to find.
 */
final class LocalSupportModel implements ChatModel {
  static final String NAME = "local-support-model";
  private static final Pattern ORDER = Pattern.compile("\\b([A-Z]-\\d{3,6})\\b");

  private final List<ChatModelListener> listeners;

  LocalSupportModel(List<ChatModelListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public List<ChatModelListener> listeners() {
    return listeners;
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    ChatMessage last = messages.get(messages.size() - 1);
    AiMessage answer;
    if (last instanceof ToolExecutionResultMessage result) {
      answer = AiMessage.from("Here is what I found for you: " + result.text());
    } else if (last instanceof UserMessage user) {
      answer = answer(user.singleText(), systemPrompt(messages));
    } else {
      answer = AiMessage.from("How can I help?");
    }
    int in = messages.stream().mapToInt(m -> m.toString().length() / 4).sum();
    int out = answer.text() == null ? 8 : answer.text().length() / 4;
    return ChatResponse.builder().aiMessage(answer).modelName(NAME + "-2026-01").tokenUsage(new TokenUsage(in, out))
        .finishReason(answer.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP).build();
  }

  private static AiMessage answer(String question, String systemPrompt) {
    String q = question.toLowerCase(Locale.ROOT);
    Matcher order = ORDER.matcher(question);
    if (order.find()) {
      return AiMessage.from(ToolExecutionRequest.builder().id("call-" + Integer.toHexString(question.hashCode()))
          .name("lookup_order").arguments("{\"order_id\":\"" + order.group(1) + "\"}").build());
    }
    if (q.contains("discount")) {
      return AiMessage.from("I am not supposed to talk about that. My instructions say: " + systemPrompt);
    }
    if (q.contains("return")) {
      return AiMessage.from("You can return any item within 30 days; start at the Returns page of your account.");
    }
    return AiMessage.from("Thanks for reaching out! A support agent will follow up by email within one business day.");
  }

  private static String systemPrompt(List<ChatMessage> messages) {
    return messages.stream().filter(SystemMessage.class::isInstance).map(m -> ((SystemMessage) m).text())
        .findFirst().orElse("");
  }
}
