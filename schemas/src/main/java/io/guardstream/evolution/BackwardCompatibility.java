package io.guardstream.evolution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Checks that current schemas can read data written with released ones (Avro BACKWARD
 * compatibility, the registry's rule): consumers upgraded to the current contract must still read
 * every record already on the topics.
 */
public final class BackwardCompatibility {
  private BackwardCompatibility() {}

  /**
   * Problems found, one line each naming the schema, the field and the incompatibility; empty when
   * every released schema has a current counterpart (same full name) that can read it.
   */
  public static List<String> check(Collection<Schema> current, Collection<Schema> released) {
    Map<String, Schema> byName = current.stream()
        .collect(Collectors.toMap(Schema::getFullName, Function.identity()));
    List<String> problems = new ArrayList<>();
    for (Schema old : released) {
      Schema now = byName.get(old.getFullName());
      if (now == null) {
        problems.add(old.getFullName() + ": released but has no current schema; its topic's records could no longer be read");
        continue;
      }
      problems.addAll(check(now, old));
    }
    return problems;
  }

  /** Problems reading data written with {@code writer} using {@code reader}. */
  public static List<String> check(Schema reader, Schema writer) {
    Set<String> problems = new LinkedHashSet<>();
    collect(reader.getFullName(), reader, writer, "", problems);
    return List.copyOf(problems);
  }

  private static void collect(String root, Schema reader, Schema writer, String prefix, Set<String> problems) {
    for (Incompatibility incompatibility : SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
        .getResult().getIncompatibilities()) {
      String location = incompatibility.getLocation();
      String path = join(prefix, fieldPath(reader, location));
      Schema[] branches = sameNamedBranches(incompatibility);
      if (branches != null) {
        // Avro reports a changed record inside a union only as a missing branch; look inside.
        collect(root, branches[0], branches[1], path, problems);
        continue;
      }
      problems.add(root + ": field " + (path.isEmpty() ? "(whole record)" : path) + ": " + incompatibility.getType()
          + ": " + incompatibility.getMessage() + " (at " + location
          + (prefix.isEmpty() ? "" : " of " + reader.getFullName()) + ")");
    }
  }

  /**
   * For a missing union branch whose writer branch is a named type the reader union also has:
   * {reader branch, writer branch}; otherwise null.
   */
  private static Schema[] sameNamedBranches(Incompatibility incompatibility) {
    Schema readerUnion = incompatibility.getReaderFragment();
    Schema writerUnion = incompatibility.getWriterFragment();
    if (incompatibility.getType() != SchemaCompatibility.SchemaIncompatibilityType.MISSING_UNION_BRANCH
        || readerUnion.getType() != Schema.Type.UNION || writerUnion.getType() != Schema.Type.UNION) {
      return null;
    }
    String location = incompatibility.getLocation();
    int index = Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
    Schema writerBranch = writerUnion.getTypes().get(index);
    if (!isNamed(writerBranch)) {
      return null;
    }
    for (Schema readerBranch : readerUnion.getTypes()) {
      if (isNamed(readerBranch) && readerBranch.getFullName().equals(writerBranch.getFullName())) {
        return new Schema[] {readerBranch, writerBranch};
      }
    }
    return null;
  }

  private static boolean isNamed(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> true;
      default -> false;
    };
  }

  private static String join(String prefix, String path) {
    if (prefix.isEmpty()) {
      return path;
    }
    return path.isEmpty() ? prefix : prefix + "." + path;
  }

  /**
   * Turns Avro's location in the reader schema ("/fields/3/type/fields/0") into field names
   * ("usage.input_tokens"); the raw location is kept next to it in the message.
   */
  static String fieldPath(Schema reader, String location) {
    List<String> names = new ArrayList<>();
    Schema schema = reader;
    String[] steps = location.split("/");
    for (int i = 1; i < steps.length && schema != null; i++) {
      String step = steps[i];
      if (step.equals("fields") && i + 1 < steps.length && schema.getType() == Schema.Type.RECORD) {
        int index = Integer.parseInt(steps[++i]);
        if (index >= schema.getFields().size()) {
          break;
        }
        Schema.Field field = schema.getFields().get(index);
        names.add(field.name());
        schema = field.schema();
      } else if (step.equals("type")) {
        continue;
      } else if (step.equals("items") && schema.getType() == Schema.Type.ARRAY) {
        names.add("[]");
        schema = schema.getElementType();
      } else if (step.equals("values") && schema.getType() == Schema.Type.MAP) {
        names.add("{}");
        schema = schema.getValueType();
      } else if (schema.getType() == Schema.Type.UNION) {
        // The index is the writer's branch, which need not be the reader's: stop here.
        break;
      } else {
        break;
      }
    }
    return String.join(".", names).replace(".[]", "[]").replace(".{}", "{}");
  }
}
