package dev.customs.core.vuln.match;

import java.util.List;

/** The one list of built-in matchers. */
public final class PackageMatchers {
  private static final List<PackageMatcher> DEFAULTS = List.of(
      new DebMatcher(), new ApkMatcher(), new RpmMatcher(), new LanguageMatcher());

  private PackageMatchers() {}

  public static List<PackageMatcher> defaults() {
    return DEFAULTS;
  }
}
