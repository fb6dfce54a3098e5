package dev.customs.core.inventory.analyzer.php;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.DocumentTrees;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.util.Set;

/**
 * PHP packages pinned by {@code composer.lock}: {@code packages}, and {@code packages-dev} marked
 * with property {@code dev=true} (they are usually not installed in a production image).
 */
public final class ComposerLockAnalyzer implements PackageAnalyzer {
  static final long MAX_SIZE = 16L * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WHAT = "composer.lock";

  @Override
  public String name() {
    return "composer-lock";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    return entry.isFile() && entry.fileName().equals("composer.lock") && entry.size() <= MAX_SIZE;
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) throws IOException {
    JsonNode root = DocumentTrees.read(JSON, WHAT, input, sink).orElse(null);
    if (root == null) {
      return;
    }
    if (!root.isObject()) {
      sink.problem(WHAT + " " + input.path() + " is not a JSON object");
      return;
    }
    ComposerPackages.report(root.path("packages"), Set.of(), false, WHAT, input.path(), sink);
    ComposerPackages.report(root.path("packages-dev"), Set.of(), true, WHAT, input.path(), sink);
  }
}
