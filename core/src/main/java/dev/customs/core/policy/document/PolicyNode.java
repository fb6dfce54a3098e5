package dev.customs.core.policy.document;

import java.util.List;
import java.util.Map;

/**
 * One value of a policy document with where it was written, so that validation can name the line.
 * Jackson's own tree ({@code JsonNode}) drops token locations, hence this small tree.
 *
 * @param path the field path from the document root, e.g. {@code spec.controls[2].threshold}
 * @param line the 1-based line of the value's first token
 * @param text the scalar's text (empty for objects, lists and null)
 * @param fields an object's fields in document order (empty otherwise)
 * @param items a list's items (empty otherwise)
 */
public record PolicyNode(Kind kind, String path, int line, String text, Map<String, PolicyNode> fields,
    List<PolicyNode> items) {

  /** What a value is, as far as validation cares. */
  public enum Kind { OBJECT, LIST, STRING, NUMBER, BOOLEAN, NULL }

  public PolicyNode {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    items = List.copyOf(items);
  }

  public static PolicyNode scalar(Kind kind, String path, int line, String text) {
    return new PolicyNode(kind, path, line, text, Map.of(), List.of());
  }
}
