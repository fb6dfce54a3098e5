package dev.customs.core.inventory.analyzer.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.inventory.Package;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code package-lock.json}: lockfileVersion 2 and 3 list every install location under
 * {@code packages} ({@code node_modules/a/node_modules/b}); version 1 nests {@code dependencies}.
 * Development-only packages ({@code "dev": true}) are not reported, the root project neither.
 * A name and version installed at several locations is one package.
 */
final class PackageLockParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NODE_MODULES = "node_modules/";

  private PackageLockParser() {}

  static List<Package> parse(String path, byte[] content) throws IOException {
    JsonNode root = JSON.readTree(content);
    if (root == null || !root.isObject()) {
      throw new IOException("not a JSON object");
    }
    Set<Dependency> found = new LinkedHashSet<>();
    JsonNode packages = root.path("packages");
    if (packages.isObject()) {
      fromPackages(packages, found);
    } else {
      fromDependencies(root.path("dependencies"), found);
    }
    return found.stream()
        .map(d -> NpmPackage.of(d.name(), d.version(), path, "package-lock.json", List.of()))
        .toList();
  }

  private record Dependency(String name, String version) {}

  private static void fromPackages(JsonNode packages, Set<Dependency> found) {
    for (Map.Entry<String, JsonNode> entry : packages.properties()) {
      String location = entry.getKey();
      JsonNode node = entry.getValue();
      int last = location.lastIndexOf(NODE_MODULES);
      // "" is the project; other keys without node_modules are workspace folders; links point to them.
      if (last < 0 || isDev(node) || node.path("link").asBoolean(false)) {
        continue;
      }
      String name = node.path("name").isTextual()
          ? node.path("name").asText() : location.substring(last + NODE_MODULES.length());
      add(name, node.path("version"), found);
    }
  }

  /** Version 1: {@code dependencies} maps names to entries that may nest their own. */
  private static void fromDependencies(JsonNode dependencies, Set<Dependency> found) {
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(dependencies);
    while (!pending.isEmpty()) {
      JsonNode level = pending.pop();
      if (!level.isObject()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> entry : level.properties()) {
        JsonNode node = entry.getValue();
        if (isDev(node)) {
          continue;
        }
        add(entry.getKey(), node.path("version"), found);
        pending.push(node.path("dependencies"));
      }
    }
  }

  private static boolean isDev(JsonNode node) {
    return node.path("dev").asBoolean(false);
  }

  private static void add(String name, JsonNode version, Set<Dependency> found) {
    if (!name.isBlank() && version.isTextual() && !version.asText().isBlank()) {
      found.add(new Dependency(name, version.asText().strip()));
    }
  }
}
