package dev.customs.core.inventory.analyzer.dpkg;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One paragraph of a Debian control file (deb822): fields by name, matched case-insensitively as
 * Debian policy requires. Multi-line values keep their line breaks, without the leading space of
 * continuation lines.
 *
 * @param line the 1-based line where the paragraph starts, for messages
 */
public record DebControlParagraph(Map<String, String> fields, int line) {
  public DebControlParagraph {
    Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(fields);
    fields = Collections.unmodifiableMap(copy);
  }

  /** The field's value, or empty when absent. */
  public String get(String name) {
    return fields.getOrDefault(name, "");
  }
}
