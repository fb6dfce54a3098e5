package dev.customs.core.inventory.analyzer;

import dev.customs.core.inventory.analyzer.java.JavaArchiveAnalyzer;
import dev.customs.core.inventory.analyzer.npm.NpmPackageAnalyzer;
import dev.customs.core.inventory.analyzer.python.PythonPackageAnalyzer;
import java.util.List;

/** The built-in analyzers: adding one means adding one class and one line here. */
public final class Analyzers {
  private Analyzers() {}

  public static List<PackageAnalyzer> defaults() {
    return List.of(
        new JavaArchiveAnalyzer(),
        new NpmPackageAnalyzer(),
        new PythonPackageAnalyzer());
  }
}
