package dev.customs.core.vuln.version;

/**
 * RPM versions, {@code [epoch:]version[-release]}, ordered as rpm ≥ 4.15 does ({@code rpmverCmp}
 * over {@code rpmvercmp}): epoch (missing = 0), then version, then release, where a missing
 * release sorts before any release. Within each part, runs of letters and runs of digits are
 * compared one by one (digits numerically, and a digit run beats a letter run), other characters
 * only separate runs, {@code ~} sorts before everything (pre-releases) and {@code ^} after the end
 * of the string but before anything else (post-release snapshots).
 *
 * <p>rpm orders any non-empty string, and so does this scheme; only empty strings are rejected.
 */
public final class RpmVersionScheme extends ParsedVersionScheme<RpmVersionScheme.Evr> {

  /** A split EVR; {@code release} is null when the string has no {@code -}. */
  record Evr(String epoch, String version, String release) {}

  @Override
  public String id() {
    return "rpm";
  }

  @Override
  protected Evr parse(String evr) {
    if (evr.isEmpty()) {
      throw invalid(evr, "version string is empty");
    }
    int digits = 0;
    while (digits < evr.length() && isDigit(evr.charAt(digits))) {
      digits++;
    }
    boolean hasEpoch = digits < evr.length() && evr.charAt(digits) == ':';
    // Like rpm, the epoch is only the leading digits before a colon: "a:1" is all version.
    String epoch = hasEpoch ? (digits == 0 ? "0" : evr.substring(0, digits)) : "0";
    int versionStart = hasEpoch ? digits + 1 : 0;
    int hyphen = evr.lastIndexOf('-');
    if (hyphen < versionStart) {
      return new Evr(epoch, evr.substring(versionStart), null);
    }
    return new Evr(epoch, evr.substring(versionStart, hyphen), evr.substring(hyphen + 1));
  }

  @Override
  protected int compareParsed(Evr a, Evr b) {
    int epoch = rpmvercmp(a.epoch(), b.epoch());
    if (epoch != 0) {
      return epoch;
    }
    int version = rpmvercmp(a.version(), b.version());
    if (version != 0) {
      return version;
    }
    if (a.release() == null || b.release() == null) {
      return a.release() == null ? (b.release() == null ? 0 : -1) : 1;
    }
    return rpmvercmp(a.release(), b.release());
  }

  /** rpm's segment comparison of one EVR part. */
  static int rpmvercmp(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      i = skipSeparators(a, i);
      j = skipSeparators(b, j);
      int special = compareSpecial(a, i, b, j);
      if (special == SKIP_BOTH) {
        i++;
        j++;
        continue;
      }
      if (special != NONE) {
        return special;
      }
      if (i >= a.length() || j >= b.length()) {
        break;
      }
      boolean numeric = isDigit(a.charAt(i));
      int endA = runEnd(a, i, numeric);
      int endB = runEnd(b, j, numeric);
      if (endB == j) {
        return numeric ? 1 : -1; // the segments differ in kind: digits are newer than letters
      }
      int segment = compareSegment(a.substring(i, endA), b.substring(j, endB), numeric);
      if (segment != 0) {
        return segment;
      }
      i = endA;
      j = endB;
    }
    if (i >= a.length() && j >= b.length()) {
      return 0;
    }
    return i >= a.length() ? -1 : 1;
  }

  private static final int NONE = 2;
  private static final int SKIP_BOTH = 3;

  /** The tilde and caret rules; {@link #NONE} when neither side is at one, else a result or skip. */
  private static int compareSpecial(String a, int i, String b, int j) {
    char ca = i < a.length() ? a.charAt(i) : 0;
    char cb = j < b.length() ? b.charAt(j) : 0;
    if (ca == '~' || cb == '~') {
      return ca != '~' ? 1 : cb != '~' ? -1 : SKIP_BOTH;
    }
    if (ca == '^' || cb == '^') {
      if (ca == 0) {
        return -1;
      }
      if (cb == 0) {
        return 1;
      }
      return ca != '^' ? 1 : cb != '^' ? -1 : SKIP_BOTH;
    }
    return NONE;
  }

  private static int compareSegment(String a, String b, boolean numeric) {
    if (numeric) {
      String x = stripLeadingZeros(a);
      String y = stripLeadingZeros(b);
      if (x.length() != y.length()) {
        return x.length() > y.length() ? 1 : -1;
      }
      return Integer.signum(x.compareTo(y));
    }
    return Integer.signum(a.compareTo(b));
  }

  private static int skipSeparators(String s, int i) {
    while (i < s.length() && !isAlnum(s.charAt(i)) && s.charAt(i) != '~' && s.charAt(i) != '^') {
      i++;
    }
    return i;
  }

  private static int runEnd(String s, int i, boolean numeric) {
    while (i < s.length() && (numeric ? isDigit(s.charAt(i)) : isAlpha(s.charAt(i)))) {
      i++;
    }
    return i;
  }

  private static String stripLeadingZeros(String digits) {
    int k = 0;
    while (k < digits.length() - 1 && digits.charAt(k) == '0') {
      k++;
    }
    return digits.substring(k);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAlnum(char c) {
    return isDigit(c) || isAlpha(c);
  }
}
