package dev.customs.core.vuln.version;

import dev.customs.core.inventory.Ecosystem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one list of built-in version schemes, and which one each ecosystem uses: by
 * {@link Ecosystem} for inventory packages, by OSV ecosystem name for advisories.
 */
public final class VersionSchemes {
  private static final List<VersionScheme> ALL = List.of(
      new DebVersionScheme(),
      new RpmVersionScheme(),
      new ApkVersionScheme(),
      new SemverVersionScheme(),
      new MavenVersionScheme(),
      new Pep440VersionScheme(),
      new RubyGemsVersionScheme(),
      new GoVersionScheme(),
      new NuGetVersionScheme(),
      new ComposerVersionScheme());

  /** OSV ecosystem names (the part before any ":release" suffix) to scheme ids. */
  private static final Map<String, String> OSV_ECOSYSTEMS = Map.ofEntries(
      Map.entry("debian", "deb"),
      Map.entry("ubuntu", "deb"),
      Map.entry("alpine", "apk"),
      Map.entry("wolfi", "apk"),
      Map.entry("chainguard", "apk"),
      Map.entry("red hat", "rpm"),
      Map.entry("rocky linux", "rpm"),
      Map.entry("almalinux", "rpm"),
      Map.entry("suse", "rpm"),
      Map.entry("opensuse", "rpm"),
      Map.entry("mageia", "rpm"),
      Map.entry("openeuler", "rpm"),
      Map.entry("pypi", "pep440"),
      Map.entry("npm", "semver"),
      Map.entry("crates.io", "semver"),
      Map.entry("maven", "maven"),
      Map.entry("go", "go"),
      Map.entry("nuget", "nuget"),
      Map.entry("rubygems", "rubygems"),
      Map.entry("packagist", "composer"));

  private VersionSchemes() {}

  /** Every built-in scheme. */
  public static List<VersionScheme> all() {
    return ALL;
  }

  /** The scheme with this {@link VersionScheme#id()}, e.g. {@code "deb"}. */
  public static Optional<VersionScheme> byId(String id) {
    return ALL.stream().filter(scheme -> scheme.id().equals(id)).findFirst();
  }

  /** The scheme that orders versions of packages from {@code ecosystem}. */
  public static VersionScheme forEcosystem(Ecosystem ecosystem) {
    String id = switch (ecosystem) {
      case DEB -> "deb";
      case APK -> "apk";
      case RPM -> "rpm";
      case MAVEN -> "maven";
      case NPM, CARGO -> "semver";
      case PYPI -> "pep440";
      case GO -> "go";
      case GEM -> "rubygems";
      case NUGET -> "nuget";
      case COMPOSER -> "composer";
    };
    return byId(id).orElseThrow();
  }

  /**
   * The scheme for an OSV {@code affected[].package.ecosystem} value such as {@code "Debian:12"},
   * {@code "Rocky Linux:9"} or {@code "PyPI"}; empty for ecosystems without a built-in scheme.
   */
  public static Optional<VersionScheme> forOsvEcosystem(String osvEcosystem) {
    int colon = osvEcosystem.indexOf(':');
    String name = (colon < 0 ? osvEcosystem : osvEcosystem.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
    if (name.startsWith("suse ")) {
      name = "suse"; // "SUSE Linux Enterprise Server:15 SP5" and friends
    }
    return Optional.ofNullable(OSV_ECOSYSTEMS.get(name)).flatMap(VersionSchemes::byId);
  }
}
