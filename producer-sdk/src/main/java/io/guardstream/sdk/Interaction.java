package io.guardstream.sdk;

import io.guardstream.guard.Document;
import io.guardstream.guard.GuardRequest;
import io.guardstream.guard.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One request/response exchange of a user with the model: every event recorded through it shares
 * its interaction id and user context. Immutable and thread-safe (tool calls of one interaction may
 * be recorded from several threads); {@link #withModel} returns a copy.
 *
 * <pre>{@code
 * Interaction turn = client.interaction(UserContext.of("acme", "alice").withRoles("support"))
 *     .withModel("openai", "gpt-4o-mini");
 * turn.prompt(question).record();
 * turn.response(answer).usage(812, 64).record();
 * }</pre>
 */
public final class Interaction {
  private final GuardstreamClient client;
  private final String id;
  private final UserContext user;
  private final String provider;
  private final String requestModel;

  Interaction(GuardstreamClient client, String id, UserContext user, String provider, String requestModel) {
    this.client = client;
    this.id = id;
    this.user = user;
    this.provider = provider;
    this.requestModel = requestModel;
  }

  /** The interaction id shared by its events. */
  public String id() {
    return id;
  }

  /** Who the interaction is for. */
  public UserContext user() {
    return user;
  }

  /** The model provider given to events, or null. */
  public String provider() {
    return provider;
  }

  /** The requested model given to events, or null. */
  public String requestModel() {
    return requestModel;
  }

  /** A copy whose events name this provider (openai, anthropic, aws.bedrock, ...) and requested model. */
  public Interaction withModel(String provider, String requestModel) {
    return new Interaction(client, id, user, provider, requestModel);
  }

  /** A PROMPT event: what the user asked. */
  public EventBuilder prompt(String text) {
    return new EventBuilder(client, this, Kind.PROMPT).content(text);
  }

  /** A RESPONSE event: what the model answered. */
  public EventBuilder response(String text) {
    return new EventBuilder(client, this, Kind.RESPONSE).content(text);
  }

  /** A TOOL_CALL event: the model asked for a tool, with JSON arguments. */
  public EventBuilder toolCall(String toolName, String argumentsJson) {
    return new EventBuilder(client, this, Kind.TOOL_CALL).tool(toolName, argumentsJson);
  }

  /** A TOOL_RESULT event: what the tool returned to the model. */
  public EventBuilder toolResult(String toolName, String result) {
    return new EventBuilder(client, this, Kind.TOOL_RESULT).tool(toolName, null).content(result);
  }

  /** A RETRIEVAL event: documents handed to the model (add their text with {@code content}). */
  public EventBuilder retrieval(List<RetrievedDoc> documents) {
    return new EventBuilder(client, this, Kind.RETRIEVAL).documents(documents);
  }

  /** Checks a prompt inline, with this interaction's user (roles, tenant) and model. */
  public InlineVerdict checkPrompt(String prompt) {
    return client.check(request(Kind.PROMPT).content(prompt).build());
  }

  /** Checks a response inline, including leaks of the app's registered system prompts and canaries. */
  public InlineVerdict checkResponse(String response) {
    return client.check(request(Kind.RESPONSE).content(response).build());
  }

  /** Checks a tool call the model asked for (e.g. unapproved tools, secrets in arguments). */
  public InlineVerdict checkToolCall(String toolName, String argumentsJson) {
    return client.check(request(Kind.TOOL_CALL).tool(toolName, argumentsJson).build());
  }

  /** Checks a tool's result before the model sees it (indirect injection). */
  public InlineVerdict checkToolResult(String toolName, String result) {
    return client.check(request(Kind.TOOL_RESULT).tool(toolName, null).content(result).build());
  }

  /**
   * Checks retrieved documents before the model sees them: their labels against the user's roles,
   * and their text for indirect injection.
   */
  public InlineVerdict checkRetrieval(List<RetrievedDoc> documents, String text) {
    List<Document> docs = new ArrayList<>(documents.size());
    for (RetrievedDoc d : documents) {
      docs.add(new Document(d.id(), d.labels()));
    }
    return client.check(request(Kind.RETRIEVAL).documents(docs).content(text).build());
  }

  private GuardRequest.Builder request(Kind kind) {
    return GuardRequest.builder(kind).tenant(user.tenant()).model(requestModel).userRoles(Set.copyOf(user.roles()));
  }
}
