package io.guardstream.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.guardstream.schema.AiEvent;
import io.guardstream.schema.EventKind;
import io.guardstream.sdk.langchain4j.GuardstreamChatModelListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A LangChain4j chat model with the listener: its calls arrive as events, call sites untouched. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LangChain4jListenerIT {

  /** Answers the first turn with a tool call, the turn after the tool result with text; fails on "fail". */
  private record ScriptedModel(List<ChatModelListener> listeners) implements ChatModel {
    @Override
    public ChatResponse doChat(ChatRequest request) {
      ChatMessage last = request.messages().get(request.messages().size() - 1);
      if (last instanceof UserMessage u && u.singleText().equals("fail")) {
        throw new IllegalStateException("provider down");
      }
      AiMessage answer = last instanceof ToolExecutionResultMessage
          ? AiMessage.from("Your order has shipped.")
          : AiMessage.from(ToolExecutionRequest.builder().id("call-9").name("lookup_order")
              .arguments("{\"order_id\":\"A-1\"}").build());
      return ChatResponse.builder().aiMessage(answer).modelName("scripted-1").tokenUsage(new TokenUsage(30, 7))
          .finishReason(last instanceof ToolExecutionResultMessage ? FinishReason.STOP : FinishReason.TOOL_EXECUTION)
          .build();
    }

    @Override
    public ModelProvider provider() {
      return ModelProvider.OPEN_AI;
    }
  }

  @Test
  void callsAreRecordedAsOneInteractionPerPrompt() throws Exception {
    String bootstrap = ItSupport.stack().bootstrapServers();
    String events = ItSupport.topic("events-lc4j");
    ItSupport.createTopic(bootstrap, events, 1, false);
    try (GuardstreamClient client = ItSupport.config(bootstrap, events, ItSupport.topic("prompts")).start()) {
      ChatModel model = new ScriptedModel(List.of(new GuardstreamChatModelListener(client)));
      List<ChatMessage> history = new ArrayList<>(List.of(SystemMessage.from("You are a bot."),
          UserMessage.from("Where is order A-1?")));
      try (UserScope scope = UserScope.open(UserContext.of("acme", "alice").withRoles("support"))) {
        AiMessage toolCall = model.chat(history).aiMessage();
        history.add(toolCall);
        history.add(ToolExecutionResultMessage.from(toolCall.toolExecutionRequests().get(0), "{\"status\":\"shipped\"}"));
        assertThat(model.chat(history).aiMessage().text()).isEqualTo("Your order has shipped.");
      }
      ChatRequest failing = ChatRequest.builder().messages(UserMessage.from("fail")).build();
      assertThatThrownBy(() -> model.chat(failing, ChatRequestOptions.builder()
          .addListenerAttribute(GuardstreamChatModelListener.USER, UserContext.of("globex", "bob")).build()))
          .hasMessageContaining("provider down");
      assertThat(client.flush(Duration.ofSeconds(60))).isTrue();
    }

    List<AiEvent> received = ItSupport.read(bootstrap, events, AiEvent.class, 6).stream()
        .map(ConsumerRecord::value).toList();
    assertThat(received).extracting(AiEvent::getKind).containsExactly(EventKind.PROMPT, EventKind.TOOL_CALL,
        EventKind.TOOL_RESULT, EventKind.RESPONSE, EventKind.PROMPT, EventKind.RESPONSE);
    List<AiEvent> first = received.subList(0, 4);
    assertThat(first).extracting(AiEvent::getInteractionId).containsOnly(first.get(0).getInteractionId());
    assertThat(first).allSatisfy(e -> {
      assertThat(e.getTenant()).isEqualTo("acme");
      assertThat(e.getUserId()).isEqualTo("alice");
      assertThat(e.getUserRoles()).containsExactly("support");
      assertThat(e.getProvider()).isEqualTo("openai");
    });
    assertThat(first.get(0).getContent()).isEqualTo("Where is order A-1?");
    assertThat(first.get(1).getTool().getName()).isEqualTo("lookup_order");
    assertThat(first.get(1).getTool().getCallId()).isEqualTo("call-9");
    assertThat(first.get(1).getTool().getArguments()).isEqualTo("{\"order_id\":\"A-1\"}");
    assertThat(first.get(2).getContent()).isEqualTo("{\"status\":\"shipped\"}");
    assertThat(first.get(2).getTool().getCallId()).isEqualTo("call-9");
    AiEvent response = first.get(3);
    assertThat(response.getContent()).isEqualTo("Your order has shipped.");
    assertThat(response.getResponseModel()).isEqualTo("scripted-1");
    assertThat(response.getUsage().getInputTokens()).isEqualTo(30L);
    assertThat(response.getUsage().getOutputTokens()).isEqualTo(7L);
    assertThat(response.getLatencyMs()).isNotNull();
    assertThat(response.getAttributes()).containsEntry("gen_ai.response.finish_reasons", "stop");

    AiEvent failedPrompt = received.get(4);
    AiEvent failed = received.get(5);
    assertThat(failedPrompt.getTenant()).isEqualTo("globex");
    assertThat(failedPrompt.getInteractionId()).isNotEqualTo(first.get(0).getInteractionId());
    assertThat(failed.getInteractionId()).isEqualTo(failedPrompt.getInteractionId());
    assertThat(failed.getContent()).isNull();
    assertThat(failed.getAttributes()).containsEntry("error.type", "java.lang.IllegalStateException");
  }
}
