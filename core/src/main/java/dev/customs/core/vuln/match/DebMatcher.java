package dev.customs.core.vuln.match;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import dev.customs.core.vuln.version.VersionScheme;
import dev.customs.core.vuln.version.VersionSchemes;
import java.util.List;
import java.util.Optional;

/**
 * Debian and Ubuntu packages: by release and SOURCE package, compared as dpkg does. Ubuntu packages
 * are also looked up in the release's Ubuntu Pro records, whose fixes do not count as available.
 *
 * <p>The version compared is the SOURCE version when dpkg states one ({@code Source: name (ver)}),
 * else the binary version (then both are the same). The trackers' fixed versions are versions of
 * the source package, and a binary's own version can differ from its source's in ways unrelated to
 * the fix: a binNMU ({@code 1.2-3+b1}, a rebuild of unchanged source {@code 1.2-3}) or a binary
 * with a version of its own (gcc-defaults builds {@code cpp 4:12.2.0-3} from source {@code 1.203}).
 * Comparing binary versions would call {@code cpp 4:12.2.0-3} fixed by any source fix, and a
 * binNMU of an affected source still contains the affected code.
 */
public final class DebMatcher implements PackageMatcher {
  @Override
  public String name() {
    return "deb";
  }

  @Override
  public boolean handles(InventoryPackage pkg) {
    return pkg.pkg().ecosystem() == Ecosystem.DEB;
  }

  @Override
  public List<PackageQuery> queries(InventoryPackage pkg, Optional<OsRelease> os) {
    Package p = pkg.pkg();
    Optional<String> key = os.flatMap(DistroKeys::of).filter(k -> k.startsWith("debian:") || k.startsWith("ubuntu:"));
    String version = p.sourceVersion().isEmpty() ? p.version() : p.sourceVersion();
    if (key.isEmpty() || version.isEmpty()) {
      return List.of();
    }
    String source = p.sourceName().isEmpty() ? p.name() : p.sourceName();
    VersionScheme deb = VersionSchemes.forEcosystem(Ecosystem.DEB);
    PackageQuery release = new PackageQuery(key.get(), source, version, deb, true);
    if (!key.get().startsWith("ubuntu:")) {
      return List.of(release);
    }
    // Ubuntu publishes a vulnerability fixed only in Ubuntu Pro (ESM) under the Pro key alone (no
    // entry for the plain release): it affects every image of that release, but its fix comes from
    // the Pro archive. An image that installed it (a +esm version) compares as fixed.
    String pro = "ubuntu-pro:" + key.get().substring("ubuntu:".length());
    return List.of(release, new PackageQuery(pro, source, version, deb, true, false));
  }
}
