package dev.customs.core.vuln.version;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Semantic Versioning 2.0.0 version with SemVer precedence (section 11): major, minor and
 * patch numerically, then a version with a prerelease before the same version without one, then
 * prerelease identifiers one by one (numeric ones numerically and before alphanumeric ones, which
 * compare in ASCII order; more identifiers win when all before are equal). Build metadata is kept
 * but never affects the order. Shared by the SemVer and Go schemes.
 *
 * @param major the major number's digits, without leading zeros (numbers may exceed a long)
 */
record SemverVersion(String major, String minor, String patch, List<String> prerelease, String build)
    implements Comparable<SemverVersion> {

  private static final String NUMBER = "0|[1-9][0-9]*";
  private static final String IDENTIFIER = "(?:" + NUMBER + "|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
  private static final Pattern FULL = Pattern.compile(
      "(?<major>" + NUMBER + ")(?:\\.(?<minor>" + NUMBER + ")(?:\\.(?<patch>" + NUMBER + ")"
          + "(?:-(?<pre>" + IDENTIFIER + "(?:\\." + IDENTIFIER + ")*))?"
          + "(?:\\+(?<build>[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?)?)?");

  /**
   * Parses {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}; with {@code allowShort}, also Go's {@code MAJOR}
   * and {@code MAJOR.MINOR} (without prerelease or build). Returns null when it is not one.
   */
  static SemverVersion parse(String text, boolean allowShort) {
    Matcher m = FULL.matcher(text);
    if (!m.matches() || (!allowShort && m.group("patch") == null)) {
      return null;
    }
    String minor = m.group("minor") == null ? "0" : m.group("minor");
    String patch = m.group("patch") == null ? "0" : m.group("patch");
    List<String> pre = m.group("pre") == null ? List.of() : List.of(m.group("pre").split("\\."));
    return new SemverVersion(m.group("major"), minor, patch, pre, m.group("build"));
  }

  @Override
  public int compareTo(SemverVersion o) {
    int c = compareNumbers(major, o.major);
    if (c == 0) {
      c = compareNumbers(minor, o.minor);
    }
    if (c == 0) {
      c = compareNumbers(patch, o.patch);
    }
    return c != 0 ? c : comparePrerelease(prerelease, o.prerelease);
  }

  private static int comparePrerelease(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() ? (b.isEmpty() ? 0 : 1) : -1;
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareIdentifiers(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareIdentifiers(String a, String b) {
    boolean numA = isNumeric(a);
    boolean numB = isNumeric(b);
    if (numA && numB) {
      return compareNumbers(a, b);
    }
    if (numA != numB) {
      return numA ? -1 : 1;
    }
    return Integer.signum(a.compareTo(b));
  }

  /** Digit strings without leading zeros: the longer is larger, else the string order decides. */
  private static int compareNumbers(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : Integer.signum(a.compareTo(b));
  }

  private static boolean isNumeric(String identifier) {
    return identifier.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
