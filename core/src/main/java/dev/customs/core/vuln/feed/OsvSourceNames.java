package dev.customs.core.vuln.feed;

import java.util.Locale;
import java.util.Map;

/** Who publishes an OSV record, from its id prefix: the name severities and CVSS vectors are credited to. */
final class OsvSourceNames {
  private static final Map<String, String> BY_PREFIX = Map.ofEntries(
      Map.entry("GHSA", "ghsa"),
      Map.entry("GO", "go"),
      Map.entry("PYSEC", "pypa"),
      Map.entry("RUSTSEC", "rustsec"),
      Map.entry("DSA", "debian"),
      Map.entry("DLA", "debian"),
      Map.entry("DTSA", "debian"),
      Map.entry("DEBIAN", "debian"),
      Map.entry("USN", "ubuntu"),
      Map.entry("UBUNTU", "ubuntu"),
      Map.entry("ALSA", "almalinux"),
      Map.entry("ALBA", "almalinux"),
      Map.entry("ALEA", "almalinux"),
      Map.entry("RLSA", "rocky"),
      Map.entry("RXSA", "rocky"),
      Map.entry("RHSA", "redhat"),
      Map.entry("ALPINE", "alpine"));

  private OsvSourceNames() {}

  /**
   * The source of a record id; a bare {@code CVE-…} record (OSV.dev's distro conversions) is credited
   * to the distro of its first affected ecosystem key, else to {@code osv}.
   */
  static String of(String id, String firstEcosystemKey) {
    int dash = id.indexOf('-');
    String prefix = (dash < 0 ? id : id.substring(0, dash)).toUpperCase(Locale.ROOT);
    if (prefix.equals("CVE")) {
      return firstEcosystemKey.contains(":") ? firstEcosystemKey.substring(0, firstEcosystemKey.indexOf(':')) : "osv";
    }
    return BY_PREFIX.getOrDefault(prefix, prefix.toLowerCase(Locale.ROOT));
  }
}
