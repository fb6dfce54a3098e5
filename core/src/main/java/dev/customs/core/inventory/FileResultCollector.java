package dev.customs.core.inventory;

import dev.customs.core.inventory.analyzer.AnalysisSink;
import java.util.ArrayList;
import java.util.List;

/** The sink one analyzer reports to for one file: everything it collects belongs to that file. */
final class FileResultCollector implements AnalysisSink {
  private final String path;
  private final String analyzer;
  private final List<Package> packages = new ArrayList<>();
  private final List<SecretFinding> secrets = new ArrayList<>();
  private final List<LicenseHint> licenseHints = new ArrayList<>();
  private final List<FileContentMatch> contentMatches = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private OsRelease os;

  FileResultCollector(String path, String analyzer) {
    this.path = path;
    this.analyzer = analyzer;
  }

  @Override
  public void addPackage(Package pkg) {
    // An analyzer that forgot the path still gets its package attributed to the analyzed file.
    packages.add(pkg.paths().isEmpty() ? pkg.withPaths(List.of(path)) : pkg);
  }

  @Override
  public void setOsRelease(OsRelease release) {
    this.os = release;
  }

  @Override
  public void addSecret(SecretFinding secret) {
    secrets.add(secret);
  }

  @Override
  public void addPackageLicenses(Ecosystem ecosystem, String packageName, List<String> licenses) {
    licenseHints.add(new LicenseHint(ecosystem, packageName, licenses));
  }

  @Override
  public void addContentMatch(FileContentMatch match) {
    contentMatches.add(match);
  }

  @Override
  public void problem(String reason) {
    problems.add(reason);
  }

  FileResult result() {
    return new FileResult(path, analyzer, packages, os, secrets, licenseHints, contentMatches, problems);
  }
}
