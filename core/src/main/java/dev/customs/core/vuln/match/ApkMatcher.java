package dev.customs.core.vuln.match;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import dev.customs.core.vuln.version.VersionSchemes;
import java.util.List;
import java.util.Optional;

/**
 * Alpine packages: by release and ORIGIN (the aports package that secdb and OSV name; libcrypto3
 * comes from openssl), compared as apk-tools does. Subpackages carry their origin's version.
 */
public final class ApkMatcher implements PackageMatcher {
  @Override
  public String name() {
    return "apk";
  }

  @Override
  public boolean handles(InventoryPackage pkg) {
    return pkg.pkg().ecosystem() == Ecosystem.APK;
  }

  @Override
  public List<PackageQuery> queries(InventoryPackage pkg, Optional<OsRelease> os) {
    Package p = pkg.pkg();
    Optional<String> key = os.flatMap(DistroKeys::of).filter(k -> k.startsWith("alpine:"));
    if (key.isEmpty() || p.version().isEmpty()) {
      return List.of();
    }
    String origin = p.sourceName().isEmpty() ? p.name() : p.sourceName();
    return List.of(new PackageQuery(key.get(), origin, p.version(), VersionSchemes.forEcosystem(Ecosystem.APK), true));
  }
}
