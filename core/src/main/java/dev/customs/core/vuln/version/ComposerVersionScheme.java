package dev.customs.core.vuln.version;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Composer (Packagist) versions, ordered as Composer does: each version is first normalized like
 * {@code Composer\Semver\VersionParser::normalize} (optional {@code v}, four numbers,
 * a stability suffix spelled out: {@code 1.0.0-rc1 -> 1.0.0.0-RC1}, {@code 2.0-b2 -> 2.0.0.0-beta2},
 * {@code 1.x-dev -> 1.9999999.9999999.9999999-dev}), then compared with PHP's
 * {@code version_compare} (see {@link PhpVersionComparator}), giving
 * {@code dev < alpha < beta < RC < stable < patch}.
 *
 * <p>Branch names ({@code dev-master}) and other strings Composer cannot normalize are rejected:
 * Composer itself does not place a branch in the version order.
 */
public final class ComposerVersionScheme extends ParsedVersionScheme<String> {

  private static final String MODIFIER =
      "[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+){0,3})?)?([.-]?dev)?";
  private static final Pattern CLASSIC =
      Pattern.compile("v?(\\d{1,5})(\\.\\d+)?(\\.\\d+)?(\\.\\d+)?" + MODIFIER, Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE = Pattern.compile(
      "v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3})?)" + MODIFIER, Pattern.CASE_INSENSITIVE);
  private static final Pattern DEV_BRANCH = Pattern.compile("(.*?)[.-]?dev", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMERIC_BRANCH = Pattern.compile(
      "v?(\\d+)(\\.(?:\\d+|[xX*]))?(\\.(?:\\d+|[xX*]))?(\\.(?:\\d+|[xX*]))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern BUILD = Pattern.compile("([^,\\s+]+)\\+\\S+");

  @Override
  public String id() {
    return "composer";
  }

  @Override
  protected String parse(String version) {
    String v = version.strip();
    if (v.regionMatches(true, 0, "dev-", 0, 4) || v.equals("master") || v.equals("trunk") || v.equals("default")) {
      throw invalid(version, "a branch, not a version");
    }
    Matcher build = BUILD.matcher(v);
    if (build.matches()) {
      v = build.group(1);
    }
    Matcher m = CLASSIC.matcher(v);
    if (m.matches()) {
      String numbers = m.group(1) + orZero(m.group(2)) + orZero(m.group(3)) + orZero(m.group(4));
      return withModifiers(numbers, m, 5);
    }
    m = DATE.matcher(v);
    if (m.matches()) {
      return withModifiers(m.group(1).replaceAll("\\D", "."), m, 2);
    }
    m = DEV_BRANCH.matcher(v);
    if (m.matches()) {
      Matcher branch = NUMERIC_BRANCH.matcher(m.group(1).strip());
      if (branch.matches()) {
        StringBuilder normalized = new StringBuilder(branch.group(1));
        for (int i = 2; i <= 4; i++) {
          normalized.append(branch.group(i) == null ? ".x" : branch.group(i).replace('*', 'x').replace('X', 'x'));
        }
        return normalized.toString().replace("x", "9999999") + "-dev";
      }
    }
    throw invalid(version, "Composer cannot normalize it");
  }

  private static String orZero(String part) {
    return part == null || part.isEmpty() ? ".0" : part;
  }

  /** Appends "-stability[number]" and "-dev" from the modifier groups starting at {@code index}. */
  private static String withModifiers(String numbers, Matcher m, int index) {
    String stability = m.group(index);
    String result = numbers;
    if (stability != null && !stability.isEmpty()) {
      if (stability.equals("stable")) {
        return result;
      }
      String number = m.group(index + 1) == null ? "" : m.group(index + 1).replaceFirst("^[.-]+", "");
      result += "-" + expandStability(stability) + number;
    }
    if (m.group(index + 2) != null && !m.group(index + 2).isEmpty()) {
      result += "-dev";
    }
    return result;
  }

  private static String expandStability(String stability) {
    String s = stability.toLowerCase(Locale.ROOT);
    return switch (s) {
      case "a" -> "alpha";
      case "b" -> "beta";
      case "p", "pl" -> "patch";
      case "rc" -> "RC";
      default -> s;
    };
  }

  @Override
  protected int compareParsed(String a, String b) {
    return PhpVersionComparator.compare(a, b);
  }
}
