package io.guardstream.guard;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the engine checks: one event's content plus the context rules need (who, which app, which
 * tool, which documents, which system prompts the app registered). Build with {@link #builder}.
 */
public record GuardRequest(
    Kind kind,
    String content,
    String toolName,
    String toolArguments,
    String tenant,
    String appName,
    String model,
    Set<String> userRoles,
    List<Document> documents,
    Map<String, String> attributes,
    List<PromptFingerprint> systemPrompts) {

  public GuardRequest {
    Objects.requireNonNull(kind, "kind");
    userRoles = userRoles == null ? Set.of() : Set.copyOf(userRoles);
    documents = documents == null ? List.of() : List.copyOf(documents);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    systemPrompts = systemPrompts == null ? List.of() : List.copyOf(systemPrompts);
  }

  public static Builder builder(Kind kind) {
    return new Builder(kind);
  }

  /** Convenience for the common case: just text of a kind. */
  public static GuardRequest of(Kind kind, String content) {
    return builder(kind).content(content).build();
  }

  public static final class Builder {
    private final Kind kind;
    private String content;
    private String toolName;
    private String toolArguments;
    private String tenant;
    private String appName;
    private String model;
    private Set<String> userRoles;
    private List<Document> documents;
    private Map<String, String> attributes;
    private List<PromptFingerprint> systemPrompts;

    private Builder(Kind kind) {
      this.kind = kind;
    }

    public Builder content(String content) {
      this.content = content;
      return this;
    }

    public Builder tool(String name, String arguments) {
      this.toolName = name;
      this.toolArguments = arguments;
      return this;
    }

    public Builder tenant(String tenant) {
      this.tenant = tenant;
      return this;
    }

    public Builder appName(String appName) {
      this.appName = appName;
      return this;
    }

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public Builder userRoles(Set<String> userRoles) {
      this.userRoles = userRoles;
      return this;
    }

    public Builder documents(List<Document> documents) {
      this.documents = documents;
      return this;
    }

    public Builder attributes(Map<String, String> attributes) {
      this.attributes = attributes;
      return this;
    }

    public Builder systemPrompts(List<PromptFingerprint> systemPrompts) {
      this.systemPrompts = systemPrompts;
      return this;
    }

    public GuardRequest build() {
      return new GuardRequest(
          kind, content, toolName, toolArguments, tenant, appName, model, userRoles, documents,
          attributes, systemPrompts);
    }
  }
}
