package dev.customs.core.vuln.match;

import dev.customs.core.vuln.version.VersionScheme;

/**
 * One lookup a matcher asks for: the records of {@code (ecosystemKey, name)}, compared against
 * {@code version} with {@code scheme}.
 *
 * @param distro whether the key is a distro release (its records win over language data)
 */
public record PackageQuery(String ecosystemKey, String name, String version, VersionScheme scheme, boolean distro) {}
