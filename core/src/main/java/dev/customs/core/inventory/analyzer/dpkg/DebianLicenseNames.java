package dev.customs.core.inventory.analyzer.dpkg;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Debian's license short names (DEP-5 {@code License:} lines, {@code common-licenses} file
 * names) into SPDX identifiers where one clearly corresponds; anything else is kept as written, so
 * nothing a human could check is lost.
 */
final class DebianLicenseNames {
  /** GPL, LGPL, AGPL and GFDL with a version and an optional "or later" plus: {@code GPL-2+}, {@code LGPL-2.1}. */
  private static final Pattern VERSIONED = Pattern.compile("(?i)(A?GPL|LGPL|GFDL)-?v?(\\d)(?:\\.(\\d))?(\\+)?");
  private static final Map<String, String> FIXED = Map.ofEntries(
      Map.entry("apache-2", "Apache-2.0"),
      Map.entry("apache-2.0", "Apache-2.0"),
      Map.entry("expat", "MIT"),
      Map.entry("mit", "MIT"),
      Map.entry("isc", "ISC"),
      Map.entry("zlib", "Zlib"),
      Map.entry("bsd-2-clause", "BSD-2-Clause"),
      Map.entry("bsd-3-clause", "BSD-3-Clause"),
      Map.entry("bsd-4-clause", "BSD-4-Clause"),
      Map.entry("artistic", "Artistic-1.0"),
      Map.entry("artistic-1.0", "Artistic-1.0"),
      Map.entry("artistic-2.0", "Artistic-2.0"),
      Map.entry("mpl-1.1", "MPL-1.1"),
      Map.entry("mpl-2.0", "MPL-2.0"),
      Map.entry("cc0-1.0", "CC0-1.0"),
      Map.entry("cc0", "CC0-1.0"),
      Map.entry("bsl-1.0", "BSL-1.0"),
      Map.entry("python-2.0", "Python-2.0"),
      Map.entry("openssl", "OpenSSL"),
      Map.entry("unicode-dfs-2016", "Unicode-DFS-2016"),
      Map.entry("x11", "X11"),
      Map.entry("fsfap", "FSFAP"),
      Map.entry("fsfullr", "FSFULLR"),
      Map.entry("sleepycat", "Sleepycat"),
      Map.entry("ms-pl", "MS-PL"));

  private DebianLicenseNames() {}

  /** The SPDX identifier for a Debian short name, or the name as written when there is none. */
  static String toSpdx(String shortName) {
    String name = shortName.strip();
    Matcher versioned = VERSIONED.matcher(name);
    if (versioned.matches()) {
      String family = versioned.group(1).toUpperCase(Locale.ROOT);
      String minor = versioned.group(3) != null ? versioned.group(3) : "0";
      String suffix = versioned.group(4) != null ? "-or-later" : "-only";
      return family + "-" + versioned.group(2) + "." + minor + suffix;
    }
    return FIXED.getOrDefault(name.toLowerCase(Locale.ROOT), name);
  }
}
