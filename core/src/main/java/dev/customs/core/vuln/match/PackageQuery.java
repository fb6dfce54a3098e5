package dev.customs.core.vuln.match;

import dev.customs.core.vuln.version.VersionScheme;

/**
 * One lookup a matcher asks for: the records of {@code (ecosystemKey, name)}, compared against
 * {@code version} with {@code scheme}.
 *
 * @param distro whether the key is a distro release (its records win over language data)
 * @param fixesAvailable whether the fixes these records name can be installed from the image's own
 *     package sources; false for Ubuntu Pro (ESM) records on an image that is not known to have
 *     Pro: the vulnerability is reported, but unfixed for that image
 */
public record PackageQuery(String ecosystemKey, String name, String version, VersionScheme scheme, boolean distro,
    boolean fixesAvailable) {

  /** A lookup whose fixes the image can install. */
  public PackageQuery(String ecosystemKey, String name, String version, VersionScheme scheme, boolean distro) {
    this(ecosystemKey, name, version, scheme, distro, true);
  }
}
