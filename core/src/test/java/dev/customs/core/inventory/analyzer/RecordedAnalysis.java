package dev.customs.core.inventory.analyzer;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.FileContentMatch;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.SecretFinding;
import dev.customs.core.layer.EntryType;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The one sink analyzer tests use: it keeps everything reported, for assertions. */
public final class RecordedAnalysis implements AnalysisSink {
  public final List<Package> packages = new ArrayList<>();
  public final List<OsRelease> osReleases = new ArrayList<>();
  /** Licenses by {@code purlType:packageName}. */
  public final Map<String, List<String>> licenses = new LinkedHashMap<>();
  public final List<SecretFinding> secrets = new ArrayList<>();
  public final List<FileContentMatch> contentMatches = new ArrayList<>();
  public final List<String> problems = new ArrayList<>();

  /** Runs {@code analyzer} over one file given by path and content, as the layer reader would. */
  public static RecordedAnalysis analyze(PackageAnalyzer analyzer, String path, byte[] content) throws IOException {
    RecordedAnalysis sink = new RecordedAnalysis();
    analyzer.analyze(new AnalyzerInput(entry(path, content.length, 0644), content), sink);
    return sink;
  }

  /**
   * Like {@link #analyze(PackageAnalyzer, String, byte[])}, but first asserts that the analyzer
   * wants the file, so a test cannot pass on a file the real run would skip.
   */
  public static RecordedAnalysis analyzeWanted(PackageAnalyzer analyzer, String path, byte[] content)
      throws IOException {
    if (!analyzer.wants(entry(path, content.length, 0644))) {
      throw new AssertionError(analyzer.name() + " does not want " + path);
    }
    return analyze(analyzer, path, content);
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

  /** {@code ecosystem<TAB>name<TAB>version} per package, sorted, as in the fixtures' expected.tsv. */
  public List<String> triples() {
    return packages.stream().map(PackageTriples::of).sorted().toList();
  }

  @Override
  public void addPackage(Package pkg) {
    packages.add(pkg);
  }

  @Override
  public void setOsRelease(OsRelease os) {
    osReleases.add(os);
  }

  @Override
  public void addSecret(SecretFinding secret) {
    secrets.add(secret);
  }

  @Override
  public void addContentMatch(FileContentMatch match) {
    contentMatches.add(match);
  }

  @Override
  public void addPackageLicenses(Ecosystem ecosystem, String packageName, List<String> found) {
    licenses.put(ecosystem.purlType() + ":" + packageName, List.copyOf(found));
  }

  @Override
  public void problem(String reason) {
    problems.add(reason);
  }
}
