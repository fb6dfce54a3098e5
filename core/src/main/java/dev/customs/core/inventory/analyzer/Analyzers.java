package dev.customs.core.inventory.analyzer;

import dev.customs.core.inventory.analyzer.apk.ApkInstalledAnalyzer;
import dev.customs.core.inventory.analyzer.dotnet.DotnetDepsAnalyzer;
import dev.customs.core.inventory.analyzer.dpkg.DpkgCopyrightAnalyzer;
import dev.customs.core.inventory.analyzer.dpkg.DpkgStatusAnalyzer;
import dev.customs.core.inventory.analyzer.golang.GoBinaryAnalyzer;
import dev.customs.core.inventory.analyzer.java.JavaArchiveAnalyzer;
import dev.customs.core.inventory.analyzer.npm.NpmPackageAnalyzer;
import dev.customs.core.inventory.analyzer.osrelease.OsReleaseAnalyzer;
import dev.customs.core.inventory.analyzer.php.ComposerInstalledAnalyzer;
import dev.customs.core.inventory.analyzer.php.ComposerLockAnalyzer;
import dev.customs.core.inventory.analyzer.python.PythonPackageAnalyzer;
import dev.customs.core.inventory.analyzer.rpm.RpmDatabaseAnalyzer;
import dev.customs.core.inventory.analyzer.ruby.GemfileLockAnalyzer;
import dev.customs.core.inventory.analyzer.ruby.GemspecAnalyzer;
import dev.customs.core.inventory.analyzer.rust.CargoLockAnalyzer;
import dev.customs.core.inventory.analyzer.rust.RustBinaryAnalyzer;
import dev.customs.core.inventory.analyzer.secret.SecretAnalyzer;
import java.util.List;

/** The built-in analyzers: adding one means adding one class and one line here. */
public final class Analyzers {
  private Analyzers() {}

  public static List<PackageAnalyzer> defaults() {
    return List.of(
        new OsReleaseAnalyzer(),
        new DpkgStatusAnalyzer(),
        new DpkgCopyrightAnalyzer(),
        new ApkInstalledAnalyzer(),
        new RpmDatabaseAnalyzer(),
        new JavaArchiveAnalyzer(),
        new NpmPackageAnalyzer(),
        new PythonPackageAnalyzer(),
        new GoBinaryAnalyzer(),
        new GemspecAnalyzer(),
        new GemfileLockAnalyzer(),
        new CargoLockAnalyzer(),
        new RustBinaryAnalyzer(),
        new DotnetDepsAnalyzer(),
        new ComposerLockAnalyzer(),
        new ComposerInstalledAnalyzer(),
        new SecretAnalyzer());
  }

  /**
   * The defaults less the secret analyzer, for an inventory whose report shows no secrets (CycloneDX,
   * SPDX): as Trivy's SBOM mode skips its secret scanner. Secret rules read every text file, which
   * made up a tenth of a cold {@code sbom} of a Debian image and a fifth of one with node_modules.
   */
  public static List<PackageAnalyzer> withoutSecrets() {
    return defaults().stream().filter(a -> !(a instanceof SecretAnalyzer)).toList();
  }
}
