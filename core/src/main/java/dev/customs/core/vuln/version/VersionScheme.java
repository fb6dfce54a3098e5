package dev.customs.core.vuln.version;

/**
 * How one ecosystem orders its version strings, exactly as that ecosystem's own tool does (dpkg,
 * rpm, apk-tools, node-semver, Maven, PyPA packaging, RubyGems, Go, NuGet, Composer). The matcher
 * uses it to decide whether an installed version falls in an advisory's affected range.
 *
 * <p>Implementations are stateless and thread-safe. Each one documents which inputs it accepts;
 * {@link #compare} throws {@link InvalidVersionException} for anything else, so a malformed
 * version in a feed or a package database is reported instead of silently mis-ordered.
 */
public interface VersionScheme {

  /** A short stable name, e.g. {@code "deb"}; see {@link VersionSchemes#byId(String)}. */
  String id();

  /**
   * Orders two versions: negative if {@code a} sorts before {@code b}, zero if the ecosystem
   * treats them as the same version, positive otherwise. Only the sign is meaningful.
   *
   * @throws InvalidVersionException if either string is not a version of this scheme
   */
  int compare(String a, String b);

  /** Whether {@code version} is a version this scheme can order (never throws). */
  boolean isValid(String version);

  /**
   * Whether {@code version} lies in one interval of an OSV {@code ECOSYSTEM} or {@code SEMVER}
   * range: {@code introduced <= version}, and {@code version < fixed} when a fix is known, or
   * {@code version <= lastAffected} when only the last affected version is known.
   *
   * <p>{@code introduced} null or {@code "0"} means "since the first version" (OSV's convention).
   * With neither {@code fixed} nor {@code lastAffected}, every version from {@code introduced} on
   * is affected. A range whose events list several intervals is checked one interval at a time by
   * the caller, which pairs each {@code introduced} with the {@code fixed}/{@code last_affected}
   * that follows it.
   *
   * @throws IllegalArgumentException if both {@code fixed} and {@code lastAffected} are given: OSV
   *     forbids that, and the two readings disagree
   * @throws InvalidVersionException if any given version is not valid in this scheme
   */
  default boolean inRange(String version, String introduced, String fixed, String lastAffected) {
    if (fixed != null && lastAffected != null) {
      throw new IllegalArgumentException(
          "an OSV range interval has either fixed (" + fixed + ") or last_affected (" + lastAffected + "), not both");
    }
    boolean fromStart = introduced == null || introduced.equals("0");
    if (!fromStart && compare(version, introduced) < 0) {
      return false;
    }
    if (fixed != null) {
      return compare(version, fixed) < 0;
    }
    if (lastAffected != null) {
      return compare(version, lastAffected) <= 0;
    }
    if (fromStart) {
      compare(version, version); // still reject a malformed version rather than call it affected
    }
    return true;
  }
}
