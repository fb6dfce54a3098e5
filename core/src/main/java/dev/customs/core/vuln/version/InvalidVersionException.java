package dev.customs.core.vuln.version;

/** A string that a {@link VersionScheme} cannot read as a version; the message says why. */
public class InvalidVersionException extends IllegalArgumentException {
  private final String scheme;
  private final String version;

  public InvalidVersionException(String scheme, String version, String reason) {
    super("invalid " + scheme + " version \"" + version + "\": " + reason);
    this.scheme = scheme;
    this.version = version;
  }

  /** The {@link VersionScheme#id()} that rejected the version. */
  public String scheme() {
    return scheme;
  }

  /** The rejected string, as given. */
  public String version() {
    return version;
  }
}
