package dev.customs.core.inventory.analyzer;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.SecretFinding;
import dev.customs.core.layer.EntryType;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** A sink that keeps everything reported, for analyzer tests. */
public final class RecordedAnalysis implements AnalysisSink {
  public final List<Package> packages = new ArrayList<>();
  public final List<SecretFinding> secrets = new ArrayList<>();
  public final List<String> problems = new ArrayList<>();

  /** Runs {@code analyzer} over one file given by path and content, as the layer reader would. */
  public static RecordedAnalysis analyze(PackageAnalyzer analyzer, String path, byte[] content) throws IOException {
    RecordedAnalysis sink = new RecordedAnalysis();
    analyzer.analyze(new AnalyzerInput(entry(path, content.length, 0644), content), sink);
    return sink;
  }

  /** Runs {@code analyzer} over a file on disk, naming it {@code path} in the image. */
  public static RecordedAnalysis analyze(PackageAnalyzer analyzer, String path, Path file) throws IOException {
    return analyze(analyzer, path, Files.readAllBytes(file));
  }

  public static LayerEntry entry(String path, long size, int mode) {
    return new LayerEntry(path, EntryType.FILE, size, mode, 0, 0, Optional.empty());
  }

  /** The packages as sorted {@code name<TAB>version} lines. */
  public TreeSet<String> nameVersions() {
    TreeSet<String> lines = new TreeSet<>();
    packages.forEach(p -> lines.add(p.name() + "\t" + p.version()));
    return lines;
  }

  @Override
  public void addPackage(Package pkg) {
    packages.add(pkg);
  }

  @Override
  public void setOsRelease(OsRelease os) {
    throw new AssertionError("unexpected OS release " + os);
  }

  @Override
  public void addSecret(SecretFinding secret) {
    secrets.add(secret);
  }

  @Override
  public void addPackageLicenses(Ecosystem ecosystem, String packageName, List<String> licenses) {
    throw new AssertionError("unexpected licenses for " + packageName);
  }

  @Override
  public void problem(String reason) {
    problems.add(reason);
  }
}
