package dev.customs.core.inventory.analyzer.php;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns Composer package objects ({@code name}, {@code version}, {@code license}) into packages;
 * shared by {@code composer.lock} and {@code installed.json}, which describe packages alike.
 * Development-only packages carry property {@code dev=true}.
 */
final class ComposerPackages {
  private ComposerPackages() {}

  static void report(JsonNode packages, Set<String> devNames, boolean allDev, String what, String path,
      AnalysisSink sink) {
    if (packages.isMissingNode() || packages.isNull()) {
      return;
    }
    if (!packages.isArray()) {
      sink.problem(what + " " + path + ": the package list is not an array");
      return;
    }
    for (JsonNode pkg : packages) {
      String name = pkg.path("name").asText("");
      if (!pkg.path("name").isTextual() || name.isBlank()) {
        sink.problem(what + " " + path + ": a package without a name");
        continue;
      }
      Package found = Package.of(Ecosystem.COMPOSER, name, pkg.path("version").asText(""), path)
          .withLicenses(licenses(pkg.path("license")));
      sink.addPackage(allDev || devNames.contains(name) ? found.withProperties(Map.of("dev", "true")) : found);
    }
  }

  /** {@code license} is an array of SPDX ids, or in old files a single string. */
  private static List<String> licenses(JsonNode license) {
    List<String> licenses = new ArrayList<>();
    if (license.isTextual()) {
      licenses.add(license.asText());
    }
    for (JsonNode id : license.isArray() ? license : List.<JsonNode>of()) {
      if (id.isTextual()) {
        licenses.add(id.asText());
      }
    }
    return licenses;
  }
}
