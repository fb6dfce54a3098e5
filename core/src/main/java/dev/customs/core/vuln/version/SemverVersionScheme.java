package dev.customs.core.vuln.version;

/**
 * Semantic Versioning 2.0.0 ({@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}), ordered as npm's
 * {@code node-semver} and Cargo's {@code semver} do (see {@link SemverVersion}): prerelease
 * identifiers count, build metadata does not. Used for npm and crates.io and for OSV
 * {@code SEMVER} ranges.
 *
 * <p>Like {@code semver.clean}, surrounding whitespace and any leading {@code =} and {@code v}
 * characters are dropped ({@code =v1.2.3 == 1.2.3}). Everything else must be strict SemVer:
 * {@code 1.2}, {@code 01.0.0} or {@code 1.0.0-01} are rejected, as are versions longer than 256
 * characters or with numbers above 2^53 - 1, which node-semver refuses.
 */
public final class SemverVersionScheme extends ParsedVersionScheme<SemverVersion> {
  private static final int MAX_LENGTH = 256;
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  @Override
  public String id() {
    return "semver";
  }

  @Override
  protected SemverVersion parse(String version) {
    String v = version.strip().replaceFirst("^[=v]+", "");
    if (v.length() > MAX_LENGTH) {
      throw invalid(version, "longer than " + MAX_LENGTH + " characters");
    }
    SemverVersion parsed = SemverVersion.parse(v, false);
    if (parsed == null) {
      throw invalid(version, "not MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]");
    }
    for (String number : new String[] {parsed.major(), parsed.minor(), parsed.patch()}) {
      if (number.length() > 16 || Long.parseLong(number) > MAX_SAFE_INTEGER) {
        throw invalid(version, "number " + number + " is above 2^53 - 1");
      }
    }
    return parsed;
  }

  @Override
  protected int compareParsed(SemverVersion a, SemverVersion b) {
    return a.compareTo(b);
  }
}
