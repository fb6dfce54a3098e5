package dev.customs.core.inventory.analyzer.dotnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * NuGet packages of a .NET application from its {@code <app>.deps.json}: the {@code libraries}
 * entries of type {@code package}, keyed {@code Name/Version}. Entries of other types are not NuGet
 * packages: {@code project} is the application or one of its own projects, {@code runtimepack} the
 * runtime bundled into a self-contained app, {@code referenceassembly} a framework facade.
 */
public final class DotnetDepsAnalyzer implements PackageAnalyzer {
  static final long MAX_SIZE = 16L * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "dotnet-deps";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    return entry.isFile() && entry.fileName().endsWith(".deps.json") && entry.size() <= MAX_SIZE;
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) throws IOException {
    JsonNode root = DocumentTrees.read(JSON, ".NET deps file", input, sink).orElse(null);
    if (root == null) {
      return;
    }
    JsonNode libraries = root.path("libraries");
    if (!libraries.isObject()) {
      sink.problem(".NET deps file " + input.path() + " has no 'libraries' object");
      return;
    }
    for (Map.Entry<String, JsonNode> library : libraries.properties()) {
      if (!library.getValue().path("type").asText("").equals("package")) {
        continue;
      }
      String key = library.getKey();
      int slash = key.lastIndexOf('/');
      if (slash <= 0 || slash == key.length() - 1 || key.substring(0, slash).isBlank()) {
        sink.problem(".NET deps file " + input.path() + ": library '" + key + "' is not Name/Version");
        continue;
      }
      sink.addPackage(Package.of(Ecosystem.NUGET, key.substring(0, slash), key.substring(slash + 1), input.path()));
    }
  }
}
