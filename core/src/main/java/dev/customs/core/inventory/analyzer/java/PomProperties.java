package dev.customs.core.inventory.analyzer.java;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import java.util.Properties;

/**
 * The Maven coordinates Maven writes into every jar it builds, at
 * {@code META-INF/maven/<groupId>/<artifactId>/pom.properties}. Shading plugins copy those of the
 * embedded libraries too, so one archive can hold several.
 */
record PomProperties(String groupId, String artifactId, String version) {

  /** Parses the file; empty when a coordinate is missing (then it identifies nothing). */
  static Optional<PomProperties> parse(String text) throws IOException {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IllegalArgumentException e) {
      // Properties.load reports a malformed unicode escape (backslash-u and four hex digits) this way.
      throw new IOException("malformed properties: " + e.getMessage(), e);
    }
    String groupId = properties.getProperty("groupId", "").strip();
    String artifactId = properties.getProperty("artifactId", "").strip();
    String version = properties.getProperty("version", "").strip();
    if (groupId.isEmpty() || artifactId.isEmpty() || version.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PomProperties(groupId, artifactId, version));
  }

  String name() {
    return groupId + ":" + artifactId;
  }
}
