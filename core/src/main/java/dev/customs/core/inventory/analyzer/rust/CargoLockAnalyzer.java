package dev.customs.core.inventory.analyzer.rust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.DocumentTrees;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.util.Map;

/**
 * Rust crates from {@code Cargo.lock}: every {@code [[package]]} table, in all lock format versions
 * (1 to 4). Crates without a {@code source} are the workspace's own crates (the application itself);
 * they are reported too, like every crate the lock pins, and carry no {@code source} property.
 */
public final class CargoLockAnalyzer implements PackageAnalyzer {
  /** Lock files of large workspaces are a few hundred KiB. */
  static final long MAX_SIZE = 16L * 1024 * 1024;
  private static final TomlMapper TOML = new TomlMapper();

  @Override
  public String name() {
    return "cargo-lock";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    return entry.isFile() && entry.fileName().equals("Cargo.lock") && entry.size() <= MAX_SIZE;
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) throws IOException {
    JsonNode packages = DocumentTrees.read(TOML, "Cargo.lock", input, sink).map(root -> root.get("package"))
        .orElse(null);
    if (packages == null) {
      return;
    }
    if (!packages.isArray()) {
      sink.problem("Cargo.lock " + input.path() + ": 'package' is not an array of tables");
      return;
    }
    for (int i = 0; i < packages.size(); i++) {
      JsonNode pkg = packages.get(i);
      String name = pkg.path("name").asText("");
      if (!pkg.path("name").isTextual() || name.isBlank()) {
        sink.problem("Cargo.lock " + input.path() + ": [[package]] number " + (i + 1) + " has no name");
        continue;
      }
      Package found = Package.of(Ecosystem.CARGO, name, pkg.path("version").asText(""), input.path());
      JsonNode source = pkg.get("source");
      sink.addPackage(source != null && source.isTextual()
          ? found.withProperties(Map.of("source", source.asText())) : found);
    }
  }
}
