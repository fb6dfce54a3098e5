package dev.customs.core.vuln.match;

import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.OsRelease;
import java.util.List;
import java.util.Optional;

/**
 * Says how the packages of one family (Debian, Alpine, RPM distros, language ecosystems) are
 * looked up in the vulnerability database. Matchers are declarative: they name the lookups; the
 * {@link VulnMatcher} queries, compares and merges, so every family is judged by the same rules.
 * Built-ins are listed in {@link PackageMatchers}.
 */
public interface PackageMatcher {
  /** A short name for messages, e.g. {@code deb}. */
  String name();

  /** Whether this matcher is responsible for the package. */
  boolean handles(InventoryPackage pkg);

  /**
   * The lookups for one package; empty when it cannot be matched (no version, or an OS the data
   * has no key for).
   *
   * @param os the image's OS release, when known
   */
  List<PackageQuery> queries(InventoryPackage pkg, Optional<OsRelease> os);
}
