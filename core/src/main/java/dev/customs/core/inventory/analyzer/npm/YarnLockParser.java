package dev.customs.core.inventory.analyzer.npm;

import dev.customs.core.inventory.Package;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code yarn.lock}, classic (v1, its own syntax: {@code version "1.2.3"}) and Berry (2+, YAML:
 * {@code version: 1.2.3}, {@code resolution: "name@npm:1.2.3"}). Both are blocks of an unindented
 * header line ({@code "a@^1", a@~1.2:}) followed by two-space indented fields, so one line reader
 * serves both. Berry's {@code __metadata} and workspace entries ({@code name@workspace:.}) are
 * not packages.
 */
final class YarnLockParser {
  private YarnLockParser() {}

  static List<Package> parse(String path, String text) throws IOException {
    Set<List<String>> found = new LinkedHashSet<>();
    Block block = null;
    int lineNumber = 0;
    for (String line : text.split("\r?\n", -1)) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        addBlock(block, found);
        block = new Block(line, lineNumber);
      } else if (block == null) {
        throw new IOException("line " + lineNumber + ": indented line before the first entry");
      } else if (line.startsWith("  ") && !Character.isWhitespace(line.charAt(2))) {
        block.field(line.strip());
      }
    }
    addBlock(block, found);
    return found.stream()
        .map(d -> NpmPackage.of(d.get(0), d.get(1), path, "yarn.lock", List.of()))
        .toList();
  }

  private static void addBlock(Block block, Set<List<String>> found) throws IOException {
    if (block == null || block.header.startsWith("__metadata") || block.resolution.contains("@workspace:")) {
      return;
    }
    if (block.version.isEmpty()) {
      throw new IOException("line " + block.line + ": entry " + block.header + " has no version");
    }
    String descriptor = block.resolution.isEmpty() ? firstDescriptor(block.header) : block.resolution;
    found.add(List.of(NpmPackage.nameOf(descriptor), block.version));
  }

  /** {@code "@babel/x@^7.0.0", "@babel/x@^7.4.4":} → {@code @babel/x@^7.0.0}. */
  private static String firstDescriptor(String header) {
    String first = header.endsWith(":") ? header.substring(0, header.length() - 1) : header;
    return unquote(first.split(",", 2)[0].strip());
  }

  private static String unquote(String value) {
    String v = value.strip();
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
  }

  /** One entry while it is being read. */
  private static final class Block {
    private final String header;
    private final int line;
    private String version = "";
    private String resolution = "";

    Block(String header, int line) {
      this.header = header.strip();
      this.line = line;
    }

    void field(String field) {
      if (field.startsWith("version:") || field.startsWith("version ")) {
        version = unquote(field.substring("version".length() + 1));
      } else if (field.startsWith("resolution:")) {
        resolution = unquote(field.substring("resolution:".length()));
      }
    }
  }
}
