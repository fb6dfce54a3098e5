package dev.customs.core.inventory.analyzer.rpm;

import java.util.Optional;

/**
 * The parts of a SOURCERPM file name, {@code name-version-release.src.rpm}. Names may contain dashes,
 * versions and releases may not, so the split is taken from the right.
 */
record SourceRpm(String name, String version, String release) {
  /** The parts, or empty when the file name does not have that shape. */
  static Optional<SourceRpm> parse(String fileName) {
    String base;
    if (fileName.endsWith(".src.rpm")) {
      base = fileName.substring(0, fileName.length() - ".src.rpm".length());
    } else if (fileName.endsWith(".nosrc.rpm")) {
      base = fileName.substring(0, fileName.length() - ".nosrc.rpm".length());
    } else {
      return Optional.empty();
    }
    int releaseDash = base.lastIndexOf('-');
    int versionDash = releaseDash > 0 ? base.lastIndexOf('-', releaseDash - 1) : -1;
    if (versionDash <= 0) {
      return Optional.empty();
    }
    return Optional.of(new SourceRpm(base.substring(0, versionDash),
        base.substring(versionDash + 1, releaseDash), base.substring(releaseDash + 1)));
  }
}
