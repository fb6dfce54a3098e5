package dev.customs.core.inventory.analyzer;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.SecretFinding;
import java.util.ArrayList;
import java.util.List;

/** Keeps what an analyzer reports, for assertions. */
public final class CollectingAnalysisSink implements AnalysisSink {
  public final List<Package> packages = new ArrayList<>();
  public final List<String> problems = new ArrayList<>();

  @Override
  public void addPackage(Package pkg) {
    packages.add(pkg);
  }

  @Override
  public void setOsRelease(OsRelease os) {
    throw new AssertionError("a language analyzer reported an OS: " + os);
  }

  @Override
  public void addSecret(SecretFinding secret) {
    throw new AssertionError("a language analyzer reported a secret: " + secret);
  }

  @Override
  public void addPackageLicenses(Ecosystem ecosystem, String packageName, List<String> licenses) {
    throw new AssertionError("unexpected licenses for " + packageName);
  }

  @Override
  public void problem(String reason) {
    problems.add(reason);
  }

  /** {@code ecosystem<TAB>name<TAB>version} per package, sorted, as in the fixtures' expected.tsv. */
  public List<String> triples() {
    return packages.stream().map(PackageTriples::of).sorted().toList();
  }
}
