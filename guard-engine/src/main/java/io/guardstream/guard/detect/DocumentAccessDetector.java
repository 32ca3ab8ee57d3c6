package io.guardstream.guard.detect;

import io.guardstream.guard.Document;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Type {@code document_access}: each classification label maps to the roles allowed to read
 * documents carrying it; a retrieved document with a label none of the user's roles may read
 * is a finding. Labels the policy does not list are allowed unless {@code deny_unknown_labels}.
 */
public final class DocumentAccessDetector implements Detector {
  private final Map<String, Set<String>> allowedRoles;
  private final boolean denyUnknown;

  private DocumentAccessDetector(Map<String, Set<String>> allowedRoles, boolean denyUnknown) {
    this.allowedRoles = allowedRoles;
    this.denyUnknown = denyUnknown;
  }

  /** The {@code document_access} detector type. */
  public static final class Type implements DetectorType {
    @Override
    public String name() {
      return "document_access";
    }

    @Override
    public Detector compile(Params p) {
      Map<?, ?> labels = p.map("labels", true);
      boolean denyUnknown = p.bool("deny_unknown_labels", false);
      p.rejectUnknown();
      Map<String, Set<String>> allowed = new HashMap<>();
      for (Map.Entry<?, ?> e : labels.entrySet()) {
        if (!(e.getValue() instanceof List<?> roles)
            || !roles.stream().allMatch(r -> r instanceof String)) {
          p.error("labels." + e.getKey(), "must be a list of role names");
          continue;
        }
        allowed.put(String.valueOf(e.getKey()),
            Set.copyOf(roles.stream().map(String::valueOf).toList()));
      }
      return new DocumentAccessDetector(Map.copyOf(allowed), denyUnknown);
    }
  }

  @Override
  public View view() {
    return View.EVENT;
  }

  @Override
  public void detect(ScanContext ctx, Hits out) {
    Set<String> roles = ctx.request().userRoles();
    for (Document doc : ctx.request().documents()) {
      for (String label : doc.labels()) {
        Set<String> allowed = allowedRoles.get(label);
        boolean ok = allowed == null
            ? !denyUnknown
            : roles.stream().anyMatch(allowed::contains);
        if (!ok) {
          out.addEventLevel(null, 1.0,
              "document '" + doc.id() + "' labelled '" + label + "' is not readable by the user's roles");
        }
      }
    }
  }
}
