package dev.customs.core.inventory.analyzer.osrelease;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code KEY=value} lines of {@code os-release(5)} and {@code lsb-release}: values may be quoted
 * with double quotes (backslash escapes {@code \" \\ \$ \`}) or single quotes; {@code #} starts a
 * comment line. Lines that are not assignments are ignored, as systemd does.
 */
final class OsReleaseFields {
  private OsReleaseFields() {}

  static Map<String, String> parse(String text) {
    Map<String, String> fields = new HashMap<>();
    for (String raw : text.lines().toList()) {
      String line = raw.strip();
      int eq = line.indexOf('=');
      if (line.startsWith("#") || eq <= 0) {
        continue;
      }
      fields.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
    }
    return fields;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.charAt(0) == '\'' && value.endsWith("'")) {
      return value.substring(1, value.length() - 1);
    }
    if (value.length() < 2 || value.charAt(0) != '"' || !value.endsWith("\"")) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < value.length() - 1; i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() - 1) {
        c = value.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
