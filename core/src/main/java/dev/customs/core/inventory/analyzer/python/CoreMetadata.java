package dev.customs.core.inventory.analyzer.python;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headers of a Python core-metadata file ({@code METADATA}, {@code PKG-INFO}): RFC 822 style
 * {@code Name: value} lines, a line starting with whitespace continues the previous value, the
 * first empty line ends the headers (the description follows). Header names are case-insensitive
 * and may repeat ({@code Classifier}).
 */
final class CoreMetadata {
  private final Map<String, List<String>> headers;

  private CoreMetadata(Map<String, List<String>> headers) {
    this.headers = headers;
  }

  static CoreMetadata parse(String text) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String name = null;
    // A builder, not string concatenation: old PKG-INFO files continue a long Description over
    // thousands of lines.
    StringBuilder value = new StringBuilder();
    int lineNumber = 0;
    for (String line : text.split("\r?\n", -1)) {
      lineNumber++;
      if (line.isEmpty()) {
        break;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        if (name == null) {
          throw new IOException("line " + lineNumber + ": continuation line before any header");
        }
        value.append('\n').append(line.strip());
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("line " + lineNumber + ": not a 'Name: value' header");
      }
      add(headers, name, value);
      name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      value.setLength(0);
      value.append(line.substring(colon + 1).strip());
    }
    add(headers, name, value);
    return new CoreMetadata(headers);
  }

  private static void add(Map<String, List<String>> headers, String name, StringBuilder value) {
    if (name != null) {
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value.toString());
    }
  }

  /** The first value of a header, stripped; empty when absent. */
  String first(String name) {
    List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    return values.isEmpty() ? "" : values.getFirst().strip();
  }

  List<String> all(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }
}
