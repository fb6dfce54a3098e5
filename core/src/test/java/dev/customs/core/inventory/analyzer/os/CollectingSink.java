package dev.customs.core.inventory.analyzer.os;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.SecretFinding;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.EntryType;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps everything the OS analyzers report, for assertions. */
public final class CollectingSink implements AnalysisSink {
  public final List<Package> packages = new ArrayList<>();
  public final List<OsRelease> osReleases = new ArrayList<>();
  public final Map<String, List<String>> licenses = new LinkedHashMap<>();
  public final List<String> problems = new ArrayList<>();

  /** Runs the analyzer on one file as the framework would, after checking that it wants the file. */
  public static CollectingSink analyze(PackageAnalyzer analyzer, String path, byte[] content) {
    LayerEntry entry = new LayerEntry(path, EntryType.FILE, content.length, 0644, 0, 0, Optional.empty());
    if (!analyzer.wants(entry)) {
      throw new AssertionError(analyzer.name() + " does not want " + path);
    }
    CollectingSink sink = new CollectingSink();
    try {
      analyzer.analyze(new AnalyzerInput(entry, content), sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sink;
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
    throw new AssertionError("OS analyzers report no secrets");
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
