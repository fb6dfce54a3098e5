package dev.customs.core.vuln.model;

/** The kinds of {@link RangeEvent}; the first four are OSV's, the last two RubyGems requirements. */
public enum EventKind {
  /** Versions from here on are affected ({@code "0"} means from the beginning). */
  INTRODUCED,
  /** Versions from here on are no longer affected. */
  FIXED,
  /** The last affected version: versions after it are not affected (no fix named). */
  LAST_AFFECTED,
  /** Versions from here on are outside the range (OSV {@code limit}, git ranges). */
  LIMIT,
  /** A requirement the fixed versions satisfy (RubyGems {@code patched_versions}). */
  PATCHED,
  /** A requirement versions never affected satisfy (RubyGems {@code unaffected_versions}). */
  UNAFFECTED;

  /** The OSV/JSON field name: {@code introduced}, {@code last_affected}… */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static EventKind fromKey(String key) {
    return valueOf(key.toUpperCase(java.util.Locale.ROOT));
  }
}
