package dev.customs.core.inventory.analyzer.dpkg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Splits a Debian control file (dpkg's {@code status}, a {@code status.d/} entry, a DEP-5 copyright
 * file) into paragraphs. Paragraphs are separated by lines that are empty or hold only spaces and
 * tabs; a field is {@code Name: value}; a line starting with a space or tab continues the previous
 * field. A line that is none of these is reported and skipped, and parsing goes on, so one damaged
 * line costs one field, not the whole file.
 */
public final class DebControlParser {
  private DebControlParser() {}

  public static List<DebControlParagraph> parse(String text, Consumer<String> problems) {
    List<DebControlParagraph> paragraphs = new ArrayList<>();
    Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    String field = null;
    int start = 0;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        addParagraph(paragraphs, fields, start);
        fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        field = null;
      } else if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        if (field == null) {
          problems.accept("line " + (i + 1) + ": continuation line without a field before it");
        } else {
          fields.merge(field, "\n" + line.substring(1), String::concat);
        }
      } else if (line.charAt(0) == '#') {
        continue;
      } else {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          problems.accept("line " + (i + 1) + ": not a 'Field: value' line");
          field = null;
          continue;
        }
        if (fields.isEmpty()) {
          start = i + 1;
        }
        field = line.substring(0, colon).strip();
        fields.put(field, line.substring(colon + 1).strip());
      }
    }
    addParagraph(paragraphs, fields, start);
    return paragraphs;
  }

  private static void addParagraph(List<DebControlParagraph> paragraphs, Map<String, String> fields, int start) {
    if (!fields.isEmpty()) {
      paragraphs.add(new DebControlParagraph(fields, start));
    }
  }
}
