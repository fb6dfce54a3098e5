package dev.customs.core.vuln.model;

/** How the versions of a {@link VersionRange} compare. */
public enum RangeType {
  /** OSV {@code ECOSYSTEM}: compare with the ecosystem's own version scheme (deb, apk, rpm, Maven…). */
  ECOSYSTEM,
  /** OSV {@code SEMVER}: Semantic Versioning 2.0 (Go, crates.io), no {@code v} prefix. */
  SEMVER,
  /**
   * RubyGems requirement strings (ruby-advisory-db): every event is a requirement such as
   * {@code "~> 1.2.3"} or {@code ">= 2.0, < 2.1"} (comma means AND). A version is affected unless it
   * satisfies one of the {@link EventKind#PATCHED} or {@link EventKind#UNAFFECTED} requirements.
   */
  GEM_REQUIREMENTS
}
