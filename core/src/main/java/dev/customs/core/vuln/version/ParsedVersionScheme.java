package dev.customs.core.vuln.version;

/**
 * The common shape of a scheme: parse each string into a value {@code V}, then order the values.
 * Parsing is where a scheme's accepted syntax lives, so {@link #isValid} and the errors of
 * {@link #compare} can never disagree.
 *
 * @param <V> the parsed form of a version
 */
abstract class ParsedVersionScheme<V> implements VersionScheme {

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
    return parse(version);
  }
}
