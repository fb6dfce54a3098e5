package dev.customs.core.registry.provider;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Include/exclude globs over repository or tag names: {@code *} matches within one path segment,
 * {@code **} across segments, {@code ?} one character. A name is kept when it matches an include
 * (or there are none) and no exclude.
 */
final class NameGlobs {
  private final List<Pattern> include;
  private final List<Pattern> exclude;

  NameGlobs(List<String> include, List<String> exclude) {
    this.include = include.stream().map(NameGlobs::compile).toList();
    this.exclude = exclude.stream().map(NameGlobs::compile).toList();
  }

  boolean keeps(String name) {
    boolean included = include.isEmpty() || include.stream().anyMatch(p -> p.matcher(name).matches());
    return included && exclude.stream().noneMatch(p -> p.matcher(name).matches());
  }

  static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
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
    return Pattern.compile(regex.toString());
  }
}
