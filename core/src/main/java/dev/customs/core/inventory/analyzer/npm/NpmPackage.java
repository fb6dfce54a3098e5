package dev.customs.core.inventory.analyzer.npm;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import java.util.List;
import java.util.Map;

/** Builds the packages the npm parsers report, so that all carry the same properties. */
final class NpmPackage {
  /** Which file identified the package: {@code package.json} or the lock file's name. */
  static final String IDENTIFIED_BY = "identified-by";

  private NpmPackage() {}

  static Package of(String name, String version, String path, String identifiedBy, List<String> licenses) {
    return Package.of(Ecosystem.NPM, name, version, path)
        .withLicenses(licenses)
        .withProperties(Map.of(IDENTIFIED_BY, identifiedBy));
  }

  /**
   * {@code @scope/name@1.2.3} → {@code @scope/name}: the name ends at the first {@code @} after its
   * first character.
   */
  static String nameOf(String descriptor) {
    int at = descriptor.indexOf('@', 1);
    return at < 0 ? descriptor : descriptor.substring(0, at);
  }

  /** What follows the name and its {@code @}, or empty. */
  static String afterName(String descriptor) {
    int at = descriptor.indexOf('@', 1);
    return at < 0 ? "" : descriptor.substring(at + 1);
  }
}
