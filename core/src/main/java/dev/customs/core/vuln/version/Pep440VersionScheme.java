package dev.customs.core.vuln.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python package versions (PEP 440), ordered as PyPA {@code packaging.version.Version}: epoch,
 * release (trailing zeros ignored), pre-release ({@code a < b < rc}), post-release, dev-release,
 * then the local label. A dev release of a final version sorts before its pre-releases
 * ({@code 1.0.dev1 < 1.0a1}); a post-release after the final version.
 *
 * <p>Accepts PEP 440's permitted spellings and normalizes them as packaging does: a leading
 * {@code v}, case, {@code alpha/beta/c/pre/preview} for {@code a/b/rc/rc/rc}, {@code rev/r} and a bare
 * {@code -N} for post-releases, separators {@code . - _} around labels and implicit zero numbers
 * ({@code 1.0a == 1.0a0}). Anything else (e.g. {@code 1.0+}, {@code not a version}) is rejected.
 */
public final class Pep440VersionScheme extends ParsedVersionScheme<Pep440VersionScheme.Key> {

  private static final Pattern VERSION = Pattern.compile(
      "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
          + "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
          + "(?<post>-(?<postN1>[0-9]+)|[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?)?"
          + "(?<dev>[-_.]?dev[-_.]?(?<devN>[0-9]+)?)?"
          + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
      Pattern.CASE_INSENSITIVE);

  /**
   * The comparison key. {@code pre}/{@code post}/{@code dev} use {@link Long#MIN_VALUE} and
   * {@link Long#MAX_VALUE} as packaging's negative and positive infinity; {@code preLabel} is
   * {@code a}, {@code b} or {@code rc}; {@code local} is null when there is no local label.
   */
  record Key(BigInteger epoch, List<BigInteger> release, String preLabel, BigInteger pre,
      BigInteger post, BigInteger dev, List<String> local) {}

  private static final BigInteger NEGATIVE_INFINITY = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger INFINITY = BigInteger.TWO.pow(1024);

  @Override
  public String id() {
    return "pep440";
  }

  @Override
  protected Key parse(String version) {
    Matcher m = VERSION.matcher(version.strip());
    if (!m.matches()) {
      throw invalid(version, "not a PEP 440 version");
    }
    BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
    List<BigInteger> release = new ArrayList<>();
    for (String part : m.group("release").split("\\.")) {
      release.add(new BigInteger(part));
    }
    while (release.size() > 1 && release.getLast().signum() == 0) {
      release.removeLast(); // 1.0 == 1.0.0
    }
    String preLabel = m.group("pre") == null ? null : preLabel(m.group("preL").toLowerCase(Locale.ROOT));
    BigInteger pre = m.group("pre") == null ? null : number(m.group("preN"));
    BigInteger post = m.group("post") == null ? null : number(m.group("postN1") != null ? m.group("postN1") : m.group("postN2"));
    BigInteger dev = m.group("dev") == null ? null : number(m.group("devN"));
    if (pre == null && post == null && dev != null) {
      pre = NEGATIVE_INFINITY; // 1.0.dev1 sorts before 1.0a1
      preLabel = "";
    } else if (pre == null) {
      pre = INFINITY;
      preLabel = "~"; // after "rc": a final release follows its pre-releases
    }
    List<String> local = m.group("local") == null ? null
        : List.of(m.group("local").toLowerCase(Locale.ROOT).split("[-_.]"));
    return new Key(epoch, List.copyOf(release), preLabel, pre,
        post == null ? NEGATIVE_INFINITY : post, dev == null ? INFINITY : dev, local);
  }

  private static String preLabel(String label) {
    return switch (label) {
      case "alpha" -> "a";
      case "beta" -> "b";
      case "c", "pre", "preview" -> "rc";
      default -> label;
    };
  }

  private static BigInteger number(String digits) {
    return digits == null ? BigInteger.ZERO : new BigInteger(digits);
  }

  @Override
  protected int compareParsed(Key a, Key b) {
    int c = a.epoch().compareTo(b.epoch());
    if (c == 0) {
      c = compareNumbers(a.release(), b.release());
    }
    if (c == 0) {
      c = a.preLabel().compareTo(b.preLabel());
    }
    if (c == 0) {
      c = a.pre().compareTo(b.pre());
    }
    if (c == 0) {
      c = a.post().compareTo(b.post());
    }
    if (c == 0) {
      c = a.dev().compareTo(b.dev());
    }
    return c != 0 ? c : compareLocal(a.local(), b.local());
  }

  private static int compareNumbers(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** No label sorts first; numeric segments sort after alphanumeric ones; a longer label after its prefix. */
  private static int compareLocal(List<String> a, List<String> b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareLocalSegment(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareLocalSegment(String a, String b) {
    boolean numA = a.chars().allMatch(Character::isDigit);
    boolean numB = b.chars().allMatch(Character::isDigit);
    if (numA && numB) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    if (numA != numB) {
      return numA ? 1 : -1;
    }
    return a.compareTo(b);
  }
}
