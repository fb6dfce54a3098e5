package dev.customs.core;

import java.util.regex.Pattern;

/**
 * A glob over names with {@code /} separators: {@code *} matches within one segment, {@code **}
 * across segments, {@code ?} one character. Used for repositories, tags, file paths and names.
 */
public record Glob(String text, Pattern pattern) {
  public static Glob of(String text) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new Glob(text, Pattern.compile(regex.toString()));
  }

  public boolean matches(String value) {
    return pattern.matcher(value).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
