package dev.customs.core.inventory.analyzer.apk;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.LayerEntry;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Installed Alpine (and Wolfi, Chainguard) packages from apk's database {@code lib/apk/db/installed}:
 * one stanza per package, separated by blank lines, each line {@code <letter>:<value>}. Used here:
 * {@code P} name, {@code V} version, {@code A} arch, {@code o} origin (the source package; its
 * subpackages share its version), {@code L} license, {@code m} maintainer, {@code t} build time
 * (seconds since the epoch). The file lists ({@code F}, {@code R}, …) are skipped.
 */
public final class ApkInstalledAnalyzer implements PackageAnalyzer {
  private static final String INSTALLED = "lib/apk/db/installed";

  @Override
  public String name() {
    return "apk";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    return entry.path().equals(INSTALLED);
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) {
    Map<Character, String> stanza = new HashMap<>();
    int stanzaLine = 1;
    List<String> lines = input.text().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        emit(stanza, stanzaLine, input.path(), sink);
        stanza.clear();
        stanzaLine = i + 2;
      } else if (line.length() < 2 || line.charAt(1) != ':') {
        sink.problem("line " + (i + 1) + ": not a '<letter>:<value>' line");
      } else {
        // The first occurrence wins: the header fields come before any file entries.
        stanza.putIfAbsent(line.charAt(0), line.substring(2));
      }
    }
    emit(stanza, stanzaLine, input.path(), sink);
  }

  private static void emit(Map<Character, String> stanza, int line, String path, AnalysisSink sink) {
    if (stanza.isEmpty()) {
      return;
    }
    String name = stanza.getOrDefault('P', "").strip();
    String version = stanza.getOrDefault('V', "").strip();
    if (name.isEmpty() || version.isEmpty()) {
      sink.problem("package at line " + line + " has no " + (name.isEmpty() ? "name (P:)" : "version (V:)"));
      return;
    }
    Package pkg = Package.of(Ecosystem.APK, name, version, path)
        .withArch(stanza.getOrDefault('A', ""))
        .withSource(stanza.getOrDefault('o', name), version);
    String license = stanza.getOrDefault('L', "");
    if (!license.isBlank()) {
      pkg = pkg.withLicenses(List.of(license.strip()));
    }
    sink.addPackage(pkg.withProperties(properties(stanza, line, sink)));
  }

  private static Map<String, String> properties(Map<Character, String> stanza, int line, AnalysisSink sink) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (stanza.containsKey('m')) {
      properties.put("maintainer", stanza.get('m'));
    }
    String buildTime = stanza.get('t');
    if (buildTime != null) {
      try {
        properties.put("build-time", Instant.ofEpochSecond(Long.parseLong(buildTime.strip())).toString());
      } catch (NumberFormatException | DateTimeException e) {
        sink.problem("package at line " + line + " has a build time that is not a number: " + buildTime);
      }
    }
    return properties;
  }
}
