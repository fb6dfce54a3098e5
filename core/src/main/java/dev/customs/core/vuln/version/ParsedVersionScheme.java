package dev.customs.core.vuln.version;

/**
 * The common shape of a scheme: parse each string into a value {@code V}, then order the values.
 * Parsing is where a scheme's accepted syntax lives, so {@link #isValid} and the errors of
 * {@link #compare} can never disagree. Parsed versions are memoized ({@link ParsedVersions}): a
 * parser must return a value it never changes afterwards.
 *
 * @param <V> the parsed form of a version
 */
abstract class ParsedVersionScheme<V> implements VersionScheme {
  // Tens of thousands of distinct versions (a few MB at most) cover many images' packages and records.
  private static final int PARSED_VERSIONS = 50_000;
  private final ParsedVersions<V> parsed = new ParsedVersions<>(PARSED_VERSIONS);

  @Override
  public final int compare(String a, String b) {
    return compareParsed(parseChecked(a), parseChecked(b));
  }

  @Override
  public final boolean isValid(String version) {
    try {
      parseChecked(version);
      return true;
    } catch (InvalidVersionException e) {
      return false;
    }
  }

  /** Reads a non-null version or throws {@link InvalidVersionException} (see {@link #invalid}). */
  protected abstract V parse(String version);

  /** Orders two parsed versions; only the sign counts. */
  protected abstract int compareParsed(V a, V b);

  protected final InvalidVersionException invalid(String version, String reason) {
    return new InvalidVersionException(id(), version, reason);
  }

  private V parseChecked(String version) {
    if (version == null) {
      throw invalid(null, "no version given");
    }
    return parsed.get(version, this::parse);
  }
}
