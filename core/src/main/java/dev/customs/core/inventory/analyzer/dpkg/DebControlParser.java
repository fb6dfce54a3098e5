package dev.customs.core.inventory.analyzer.dpkg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Splits a Debian control file (dpkg's {@code status}, a {@code status.d/} entry) into paragraphs.
 * Paragraphs are separated by lines that are empty or hold only spaces and tabs; a field is
 * {@code Name: value}; a line starting with a space or tab continues the previous field. A line that
 * is none of these is reported and skipped, and parsing goes on, so one damaged line costs one field,
 * not the whole file. Work is linear in the input, however long a field runs.
 */
public final class DebControlParser {
  private DebControlParser() {}

  public static List<DebControlParagraph> parse(String text, Consumer<String> problems) {
    List<DebControlParagraph> paragraphs = new ArrayList<>();
    Map<String, StringBuilder> fields = new LinkedHashMap<>();
    StringBuilder current = null;
    int start = 1;
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int colon = line.indexOf(':');
      if (line.isBlank()) {
        addParagraph(paragraphs, fields, start);
        fields.clear();
        current = null;
      } else if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        if (current == null) {
          problems.accept("line " + (i + 1) + ": continuation line without a field before it");
        } else {
          current.append('\n').append(line, 1, line.length());
        }
      } else if (colon <= 0) {
        problems.accept("line " + (i + 1) + ": not a 'Field: value' line");
        current = null;
      } else {
        start = fields.isEmpty() ? i + 1 : start;
        current = new StringBuilder(line.substring(colon + 1).strip());
        fields.put(line.substring(0, colon).strip(), current);
      }
    }
    addParagraph(paragraphs, fields, start);
    return paragraphs;
  }

  private static void addParagraph(List<DebControlParagraph> paragraphs, Map<String, StringBuilder> fields,
      int start) {
    if (!fields.isEmpty()) {
      Map<String, String> values = new LinkedHashMap<>();
      fields.forEach((name, value) -> values.put(name, value.toString()));
      paragraphs.add(new DebControlParagraph(values, start));
    }
  }
}
