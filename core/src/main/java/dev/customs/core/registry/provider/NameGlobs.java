package dev.customs.core.registry.provider;

import dev.customs.core.Glob;
import java.util.List;

/**
 * Include/exclude globs over repository or tag names: {@code *} matches within one path segment,
 * {@code **} across segments, {@code ?} one character. A name is kept when it matches an include
 * (or there are none) and no exclude.
 */
final class NameGlobs {
  private final List<Glob> include;
  private final List<Glob> exclude;

  NameGlobs(List<String> include, List<String> exclude) {
    this.include = include.stream().map(Glob::of).toList();
    this.exclude = exclude.stream().map(Glob::of).toList();
  }

  boolean keeps(String name) {
    boolean included = include.isEmpty() || include.stream().anyMatch(g -> g.matches(name));
    return included && exclude.stream().noneMatch(g -> g.matches(name));
  }
}
