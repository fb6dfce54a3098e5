package dev.customs.core.vuln.version;

/**
 * Go module versions, ordered as {@code golang.org/x/mod/semver.Compare}: semantic versions with a
 * {@code v} prefix, where {@code v1} and {@code v1.2} are short for {@code v1.0.0} and
 * {@code v1.2.0}. Pseudo-versions ({@code v0.0.0-20200101000000-abcdefabcdef}) are prereleases and
 * compare as such; build metadata, including {@code +incompatible}, is ignored for ordering.
 *
 * <p>OSV's Go records write versions without the {@code v} ({@code 1.20.10}); those are read as if
 * it were there. Everything else {@code semver.IsValid} rejects is rejected (leading zeros, a
 * fourth number, empty identifiers).
 */
public final class GoVersionScheme extends ParsedVersionScheme<SemverVersion> {

  @Override
  public String id() {
    return "go";
  }

  @Override
  protected SemverVersion parse(String version) {
    String v = version.startsWith("v") ? version.substring(1) : version;
    SemverVersion parsed = SemverVersion.parse(v, true);
    if (parsed == null) {
      throw invalid(version, "not a Go module version (vMAJOR[.MINOR[.PATCH[-PRERELEASE][+BUILD]]])");
    }
    return parsed;
  }

  @Override
  protected int compareParsed(SemverVersion a, SemverVersion b) {
    return a.compareTo(b);
  }
}
