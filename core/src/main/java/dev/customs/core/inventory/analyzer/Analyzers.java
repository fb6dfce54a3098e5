package dev.customs.core.inventory.analyzer;

import dev.customs.core.inventory.analyzer.apk.ApkInstalledAnalyzer;
import dev.customs.core.inventory.analyzer.dpkg.DpkgCopyrightAnalyzer;
import dev.customs.core.inventory.analyzer.dpkg.DpkgStatusAnalyzer;
import dev.customs.core.inventory.analyzer.osrelease.OsReleaseAnalyzer;
import dev.customs.core.inventory.analyzer.rpm.RpmDatabaseAnalyzer;
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
        new RpmDatabaseAnalyzer());
  }
}
