package dev.customs.core.inventory.analyzer.java;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Maven-style archive file name says: {@code commons-lang3-3.11.jar} is artifact
 * {@code commons-lang3}, version {@code 3.11}. The version starts at the first {@code -digit}.
 */
record JarFileName(String artifactId, String version) {
  /** The longest file name common file systems allow. */
  private static final int MAX_FILE_NAME = 255;
  private static final Pattern NAME =
      Pattern.compile("^([A-Za-z0-9_.][A-Za-z0-9_.\\-]*?)-(\\d[A-Za-z0-9_.\\-+]*)\\.[A-Za-z]{3}$");

  static Optional<JarFileName> parse(String fileName) {
    // Entry names inside archives can be 64 KiB long; the lazy match is quadratic in the length.
    if (fileName.length() > MAX_FILE_NAME) {
      return Optional.empty();
    }
    Matcher matcher = NAME.matcher(fileName);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new JarFileName(matcher.group(1), matcher.group(2)));
  }

  /** The artifact part of a file name without version: {@code app.jar} is {@code app}. */
  static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
