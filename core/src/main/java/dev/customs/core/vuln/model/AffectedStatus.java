package dev.customs.core.vuln.model;

/** What a source says about one package of one vulnerability in one ecosystem (or distro release). */
public enum AffectedStatus {
  /** A fix exists; the ranges (or the fixed version) say which versions are affected. */
  FIXED,
  /** Affected and no fix exists yet. */
  UNFIXED,
  /** Affected, and the distro has decided not to fix it (Debian tracker {@code <ignored>}). */
  WONT_FIX,
  /** Affected, but the release (or package) is out of support: no fix will come. */
  EOL,
  /** The source says the package was never affected (Alpine {@code "0"}, Debian fixed version {@code 0}). */
  NOT_AFFECTED,
  /** The source has not yet worked out whether the package is affected (Debian {@code undetermined}). */
  UNDETERMINED;

  /** The lower-case form stored in the bundle: {@code fixed}, {@code wont-fix}… */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public static AffectedStatus fromKey(String key) {
    return valueOf(key.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }
}
