package io.guardstream.guard.detect;

import io.guardstream.guard.GuardRequest;
import java.util.List;
import java.util.function.Function;

/**
 * Types {@code tool_allowlist} and {@code model_allowlist}: the event's tool (or model) must be
 * one of the listed names; a trailing {@code *} matches a prefix ("gpt-4o*"). Events without a
 * tool (model) are not checked.
 */
public final class AllowListDetector implements Detector {
  private final String what;
  private final Function<GuardRequest, String> subject;
  private final List<String> allowed;

  private AllowListDetector(String what, Function<GuardRequest, String> subject, List<String> allowed) {
    this.what = what;
    this.subject = subject;
    this.allowed = allowed;
  }

  /** Allow-list type over one request field. */
  public static final class Type implements DetectorType {
    private final String name;
    private final String what;
    private final String key;
    private final Function<GuardRequest, String> subject;

    private Type(String name, String what, String key, Function<GuardRequest, String> subject) {
      this.name = name;
      this.what = what;
      this.key = key;
      this.subject = subject;
    }

    /** {@code tool_allowlist} with parameter {@code tools}. */
    public static Type tools() {
      return new Type("tool_allowlist", "tool", "tools", GuardRequest::toolName);
    }

    /** {@code model_allowlist} with parameter {@code models}. */
    public static Type models() {
      return new Type("model_allowlist", "model", "models", GuardRequest::model);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Detector compile(Params p) {
      List<String> allowed = p.strings(key, true);
      p.rejectUnknown();
      return new AllowListDetector(what, subject, allowed);
    }
  }

  @Override
  public View view() {
    return View.EVENT;
  }

  @Override
  public void detect(ScanContext ctx, Hits out) {
    String value = subject.apply(ctx.request());
    if (value == null || value.isEmpty()) {
      return;
    }
    for (String a : allowed) {
      if (a.endsWith("*") ? value.startsWith(a.substring(0, a.length() - 1)) : value.equals(a)) {
        return;
      }
    }
    // Tool and model names are configuration, not user data: safe to name.
    out.addEventLevel(null, 1.0, what + " '" + value + "' is not on the allow-list");
  }
}
