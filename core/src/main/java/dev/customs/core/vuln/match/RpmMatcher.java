package dev.customs.core.vuln.match;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import dev.customs.core.vuln.version.VersionScheme;
import dev.customs.core.vuln.version.VersionSchemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RPM distros (RHEL, Rocky, AlmaLinux, CentOS, SLES): by release and package name, compared as rpm
 * does. Their advisories list BINARY packages ({@code openssl-libs}) with the binary's EVR, so the
 * binary name and version are asked first; the source rpm name is asked too (some feeds name only
 * the source), with the source EVR.
 */
public final class RpmMatcher implements PackageMatcher {
  @Override
  public String name() {
    return "rpm";
  }

  @Override
  public boolean handles(InventoryPackage pkg) {
    return pkg.pkg().ecosystem() == Ecosystem.RPM;
  }

  @Override
  public List<PackageQuery> queries(InventoryPackage pkg, Optional<OsRelease> os) {
    Package p = pkg.pkg();
    Optional<String> key = os.flatMap(DistroKeys::of)
        .filter(k -> !k.startsWith("debian:") && !k.startsWith("ubuntu:") && !k.startsWith("alpine:"));
    if (key.isEmpty() || p.version().isEmpty()) {
      return List.of();
    }
    VersionScheme rpm = VersionSchemes.forEcosystem(Ecosystem.RPM);
    List<PackageQuery> queries = new ArrayList<>();
    queries.add(new PackageQuery(key.get(), p.name(), p.version(), rpm, true));
    if (!p.sourceName().isEmpty() && !p.sourceName().equals(p.name())) {
      String version = p.sourceVersion().isEmpty() ? p.version() : p.sourceVersion();
      queries.add(new PackageQuery(key.get(), p.sourceName(), version, rpm, true));
    }
    return queries;
  }
}
