package dev.customs.core.inventory.analyzer.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.inventory.Package;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An installed package's (or a project's) {@code package.json}. A file without a name or version
 * (an application's private manifest, a {@code {"type":"module"}} marker) describes no package.
 */
final class PackageJsonParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PackageJsonParser() {}

  static Optional<Package> parse(String path, byte[] content) throws IOException {
    JsonNode root = JSON.readTree(content);
    if (root == null || !root.isObject()) {
      throw new IOException("not a JSON object");
    }
    String name = root.path("name").asText("").strip();
    String version = root.path("version").asText("").strip();
    if (name.isEmpty() || version.isEmpty() || !root.path("name").isTextual()) {
      return Optional.empty();
    }
    return Optional.of(NpmPackage.of(name, version, path, "package.json", licenses(root)));
  }

  /** {@code "license": "MIT"}, the older {@code {"type": "MIT"}} object, or a {@code licenses} array. */
  private static List<String> licenses(JsonNode root) {
    List<String> licenses = new ArrayList<>();
    addLicense(root.path("license"), licenses);
    JsonNode list = root.path("licenses");
    if (list.isArray()) {
      list.forEach(license -> addLicense(license, licenses));
    } else {
      addLicense(list, licenses);
    }
    // Packages such as utils-merge declare the same license in both forms.
    return licenses.stream().distinct().toList();
  }

  private static void addLicense(JsonNode node, List<String> licenses) {
    JsonNode value = node.isObject() ? node.path("type") : node;
    if (value.isTextual() && !value.asText().isBlank()) {
      licenses.add(value.asText().strip());
    }
  }
}
