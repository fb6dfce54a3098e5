package dev.customs.core.inventory.analyzer.npm;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rule that keeps a lock file and the {@code node_modules} installed from it from counting
 * packages twice. It needs the packages of the whole image, so it runs after the layers are
 * folded, not in the (per-file) analyzer.
 */
public final class InstalledNpmPackages {
  private InstalledNpmPackages() {}

  /**
   * Drops the lock-file packages of every directory that also has installed packages
   * ({@code <dir>/node_modules/**}{@code /package.json}); everything else is kept as it is.
   */
  public static List<Package> preferInstalled(List<Package> packages) {
    Set<String> installedRoots = packages.stream()
        .filter(p -> p.ecosystem() == Ecosystem.NPM)
        .filter(p -> lockDirectory(p).isEmpty())
        .flatMap(p -> p.paths().stream())
        .filter(path -> path.contains("node_modules/"))
        .map(path -> path.substring(0, path.indexOf("node_modules/")))
        .collect(Collectors.toSet());
    return packages.stream()
        .filter(p -> p.ecosystem() != Ecosystem.NPM
            || lockDirectory(p).map(dir -> !installedRoots.contains(dir)).orElse(true))
        .toList();
  }

  /** The directory of the lock file that identified the package; empty for installed packages. */
  private static Optional<String> lockDirectory(Package pkg) {
    String identifiedBy = pkg.properties().getOrDefault(NpmPackage.IDENTIFIED_BY, "package.json");
    if (identifiedBy.equals("package.json") || pkg.paths().isEmpty()) {
      return Optional.empty();
    }
    String path = pkg.paths().getFirst();
    return Optional.of(path.substring(0, path.lastIndexOf('/') + 1));
  }
}
