package dev.customs.core.vuln.version;

/**
 * Debian package versions, {@code [epoch:]upstream[-revision]}, ordered as {@code dpkg
 * --compare-versions} does (deb-version(7)): the epoch numerically, then upstream and revision
 * with dpkg's algorithm, where runs of non-digits compare character by character with {@code ~}
 * before everything (even the end of the string), then letters, then other characters, and runs
 * of digits compare numerically.
 *
 * <p>Accepts what dpkg accepts: dpkg only warns about a version not starting with a digit or
 * holding characters outside {@code [A-Za-z0-9.+~-:]}, and still orders it, so this scheme does
 * too. Rejected, as by dpkg: empty strings, embedded spaces, an empty or non-numeric or too big
 * epoch, nothing after the colon, an empty upstream version or an empty revision.
 */
public final class DebVersionScheme extends ParsedVersionScheme<DebVersionScheme.Evr> {

  /** A parsed Debian version; a missing revision is the empty string, as in dpkg. */
  record Evr(int epoch, String upstream, String revision) {}

  @Override
  public String id() {
    return "deb";
  }

  @Override
  protected Evr parse(String version) {
    String v = version.strip();
    if (v.isEmpty()) {
      throw invalid(version, "version string is empty");
    }
    if (v.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(version, "version string has embedded spaces");
    }
    int colon = v.indexOf(':');
    int epoch = colon < 0 ? 0 : parseEpoch(version, v.substring(0, colon));
    String rest = v.substring(colon + 1);
    if (rest.isEmpty()) {
      throw invalid(version, "nothing after colon in version number");
    }
    int hyphen = rest.lastIndexOf('-');
    String upstream = hyphen < 0 ? rest : rest.substring(0, hyphen);
    String revision = hyphen < 0 ? "" : rest.substring(hyphen + 1);
    if (upstream.isEmpty()) {
      throw invalid(version, "version number is empty");
    }
    if (hyphen >= 0 && revision.isEmpty()) {
      throw invalid(version, "revision number is empty");
    }
    return new Evr(epoch, upstream, revision);
  }

  private int parseEpoch(String version, String epoch) {
    if (epoch.isEmpty()) {
      throw invalid(version, "epoch in version is empty");
    }
    if (!epoch.chars().allMatch(DebVersionScheme::isDigit)) {
      throw invalid(version, "epoch in version is not number");
    }
    try {
      return Integer.parseInt(epoch);
    } catch (NumberFormatException e) {
      throw invalid(version, "epoch in version is too big");
    }
  }

  @Override
  protected int compareParsed(Evr a, Evr b) {
    if (a.epoch() != b.epoch()) {
      return Integer.compare(a.epoch(), b.epoch());
    }
    int upstream = compareFragments(a.upstream(), b.upstream());
    return upstream != 0 ? upstream : compareFragments(a.revision(), b.revision());
  }

  /** dpkg's verrevcmp: alternating non-digit and digit runs. */
  static int compareFragments(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while ((i < a.length() && !isDigit(a.charAt(i))) || (j < b.length() && !isDigit(b.charAt(j)))) {
        int ac = order(a, i);
        int bc = order(b, j);
        if (ac != bc) {
          return ac - bc;
        }
        i++;
        j++;
      }
      while (i < a.length() && a.charAt(i) == '0') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == '0') {
        j++;
      }
      int firstDiff = 0;
      while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
        if (firstDiff == 0) {
          firstDiff = a.charAt(i) - b.charAt(j);
        }
        i++;
        j++;
      }
      if (i < a.length() && isDigit(a.charAt(i))) {
        return 1;
      }
      if (j < b.length() && isDigit(b.charAt(j))) {
        return -1;
      }
      if (firstDiff != 0) {
        return firstDiff;
      }
    }
    return 0;
  }

  /** The weight of the character at {@code i}: end and digits 0, '~' lowest, letters before others. */
  private static int order(String s, int i) {
    if (i >= s.length()) {
      return 0;
    }
    char c = s.charAt(i);
    if (isDigit(c)) {
      return 0;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      return c;
    }
    return c == '~' ? -1 : c + 256;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
