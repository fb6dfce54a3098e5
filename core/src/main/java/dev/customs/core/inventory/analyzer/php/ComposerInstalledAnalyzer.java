package dev.customs.core.inventory.analyzer.php;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.DocumentTrees;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * PHP packages installed in a {@code vendor/} directory, from {@code vendor/composer/installed.json}:
 * Composer 1 writes a JSON array of packages, Composer 2 an object {@code {"packages": [...],
 * "dev-package-names": [...]}}; the packages named there get property {@code dev=true}.
 */
public final class ComposerInstalledAnalyzer implements PackageAnalyzer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WHAT = "Composer installed.json";

  @Override
  public String name() {
    return "composer-installed";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    return entry.isFile() && (entry.path().endsWith("/vendor/composer/installed.json")
        || entry.path().equals("vendor/composer/installed.json")) && entry.size() <= ComposerLockAnalyzer.MAX_SIZE;
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) throws IOException {
    JsonNode root = DocumentTrees.read(JSON, WHAT, input, sink).orElse(null);
    if (root == null) {
      return;
    }
    if (root.isArray()) {
      ComposerPackages.report(root, Set.of(), false, WHAT, input.path(), sink);
    } else if (root.isObject()) {
      Set<String> devNames = new HashSet<>();
      root.path("dev-package-names").forEach(n -> devNames.add(n.asText()));
      ComposerPackages.report(root.path("packages"), devNames, false, WHAT, input.path(), sink);
    } else {
      sink.problem(WHAT + " " + input.path() + " is neither a package array nor an object");
    }
  }
}
