package dev.customs.core.inventory.analyzer.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.customs.core.inventory.Package;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * {@code pnpm-lock.yaml}. The {@code packages} keys name each package: {@code /name/1.2.3} up to
 * lockfile 5.x ({@code _peer@x} suffixes), {@code /name@1.2.3} in 6.x and {@code name@1.2.3} in
 * 9.x (peer suffixes in parentheses). Non-registry packages keep their key's version as written
 * (a tarball URL or {@code file:} path). Entries marked {@code dev: true} are not reported.
 */
final class PnpmLockParser {
  private static final ObjectMapper YAML =
      new ObjectMapper(YAMLFactory.builder().loaderOptions(loaderOptions()).build());

  private PnpmLockParser() {}

  static List<Package> parse(String path, byte[] content) throws IOException {
    JsonNode root;
    try {
      root = YAML.readTree(content);
    } catch (RuntimeException e) {
      // SnakeYAML signals some limits and malformed input unchecked, past Jackson's wrapping.
      throw new IOException(e.toString(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IOException("not a YAML mapping");
    }
    boolean slashSeparated = majorVersion(root.path("lockfileVersion").asText("")) < 6;
    Set<List<String>> found = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> entry : root.path("packages").properties()) {
      JsonNode node = entry.getValue();
      if (node.path("dev").asBoolean(false)) {
        continue;
      }
      List<String> nameAndVersion = slashSeparated ? fromSlashKey(entry.getKey()) : fromAtKey(entry.getKey());
      if (!nameAndVersion.get(0).isEmpty() && !nameAndVersion.get(1).isEmpty()) {
        found.add(nameAndVersion);
      }
    }
    return found.stream()
        .map(d -> NpmPackage.of(d.get(0), d.get(1), path, "pnpm-lock.yaml", List.of()))
        .toList();
  }

  /** {@code /@scope/name/1.2.3_peer@2.0.0} → {@code [@scope/name, 1.2.3]}. */
  private static List<String> fromSlashKey(String key) {
    String k = key.startsWith("/") ? key.substring(1) : key;
    int slash = k.lastIndexOf('/');
    if (slash <= 0) {
      return List.of("", "");
    }
    String version = k.substring(slash + 1);
    int peers = version.indexOf('_');
    return List.of(k.substring(0, slash), peers < 0 ? version : version.substring(0, peers));
  }

  /** {@code /name@1.2.3(peer@2.0.0)} or {@code name@1.2.3} → {@code [name, 1.2.3]}. */
  private static List<String> fromAtKey(String key) {
    String k = key.startsWith("/") ? key.substring(1) : key;
    String version = NpmPackage.afterName(k);
    int peers = version.indexOf('(');
    return List.of(NpmPackage.nameOf(k), peers < 0 ? version : version.substring(0, peers));
  }

  private static int majorVersion(String lockfileVersion) {
    String major = lockfileVersion.strip().split("\\.", 2)[0];
    return major.matches("\\d{1,3}") ? Integer.parseInt(major) : 0;
  }

  /** Lock files of large monorepos exceed SnakeYAML's 3 MB default; aliases stay limited. */
  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    return options;
  }
}
