package dev.customs.core.vuln.match;

import dev.customs.core.vuln.version.InvalidVersionException;
import dev.customs.core.vuln.version.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RubyGems requirement string as ruby-advisory-db writes them ({@code "~> 1.2.3"},
 * {@code ">= 2.0, < 2.1"}; comma means AND), checked with RubyGems' own ordering.
 * {@code ~> X.Y.Z} is {@code >= X.Y.Z} and {@code < X.(Y+1)} (Gem::Version#bump: prerelease
 * segments dropped, then the last segment dropped and the new last one incremented).
 */
final class GemRequirement {
  private static final Pattern CONSTRAINT = Pattern.compile("\\s*(~>|>=|<=|!=|=|>|<)?\\s*(\\S+)\\s*");

  private GemRequirement() {}

  /**
   * Whether {@code version} satisfies every constraint of the requirement.
   *
   * @throws InvalidVersionException when the requirement or version is not RubyGems-valid
   */
  static boolean satisfiedBy(String requirement, String version, VersionScheme rubygems) {
    for (String part : requirement.split(",")) {
      Matcher m = CONSTRAINT.matcher(part);
      if (!m.matches()) {
        throw new InvalidVersionException(rubygems.id(), part, "not a RubyGems requirement");
      }
      String op = m.group(1) == null ? "=" : m.group(1);
      if (!satisfies(op, m.group(2), version, rubygems)) {
        return false;
      }
    }
    return true;
  }

  private static boolean satisfies(String op, String bound, String version, VersionScheme rubygems) {
    int c = rubygems.compare(version, bound);
    return switch (op) {
      case "=" -> c == 0;
      case "!=" -> c != 0;
      case ">" -> c > 0;
      case "<" -> c < 0;
      case ">=" -> c >= 0;
      case "<=" -> c <= 0;
      default -> c >= 0 && rubygems.compare(version, bump(bound)) < 0; // "~>"
    };
  }

  /** Gem::Version#bump: {@code 1.2.3} → {@code 1.3}, {@code 1.2.rc1} → {@code 2}, {@code 5} → {@code 6}. */
  static String bump(String version) {
    List<String> segments = new ArrayList<>();
    for (String s : version.split("[.-]")) {
      if (!s.chars().allMatch(Character::isDigit)) {
        break; // a prerelease segment and everything after it
      }
      segments.add(s);
    }
    if (segments.size() > 1) {
      segments.removeLast();
    }
    if (segments.isEmpty()) {
      return "1";
    }
    int last = segments.size() - 1;
    segments.set(last, new BigInteger(segments.get(last)).add(BigInteger.ONE).toString());
    return String.join(".", segments);
  }
}
