package dev.customs.core.vuln.match;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import dev.customs.core.vuln.version.VersionSchemes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Language packages (Maven, npm, PyPI, Go, RubyGems, crates, NuGet, Composer): by ecosystem and
 * name, which {@link dev.customs.core.vuln.db.VulnDb#affecting} normalizes as the bundle stored it
 * (PEP 503 for PyPI, lower case for npm scopes, Maven {@code group:artifact}, Go module path),
 * compared with the ecosystem's own scheme.
 */
public final class LanguageMatcher implements PackageMatcher {
  private static final Map<Ecosystem, String> KEYS = Map.of(
      Ecosystem.MAVEN, "maven",
      Ecosystem.NPM, "npm",
      Ecosystem.PYPI, "pypi",
      Ecosystem.GO, "go",
      Ecosystem.GEM, "gem",
      Ecosystem.CARGO, "cargo",
      Ecosystem.NUGET, "nuget",
      Ecosystem.COMPOSER, "composer");

  @Override
  public String name() {
    return "language";
  }

  @Override
  public boolean handles(InventoryPackage pkg) {
    return KEYS.containsKey(pkg.pkg().ecosystem());
  }

  @Override
  public List<PackageQuery> queries(InventoryPackage pkg, Optional<OsRelease> os) {
    Package p = pkg.pkg();
    if (p.version().isEmpty()) {
      return List.of();
    }
    return List.of(new PackageQuery(KEYS.get(p.ecosystem()), p.name(), p.version(),
        VersionSchemes.forEcosystem(p.ecosystem()), false));
  }
}
