package dev.customs.core.vuln.model;

import java.util.List;
import java.util.Objects;

/**
 * One package an {@link Advisory} affects, as a feed importer produces it.
 *
 * @param ecosystemKey where the package lives, see {@link EcosystemKeys}: {@code debian:12}, {@code npm}…
 * @param name the package name normalized with {@link PackageNames#normalize}; for distros the
 *     SOURCE package (Debian, Ubuntu) or origin (Alpine) where the feed names that
 * @param ranges the affected ranges (git ranges dropped)
 * @param versions versions the source lists explicitly as affected
 * @param status what the source says
 * @param fixedVersion the version that fixes it; several fixes (one per range) comma-joined in source
 *     order; empty when none. For display: the ranges are what a matcher evaluates.
 * @param severity the source's severity for this package (Debian urgency), or null
 */
public record AffectedPackage(
    String ecosystemKey,
    String name,
    List<VersionRange> ranges,
    List<String> versions,
    AffectedStatus status,
    String fixedVersion,
    SeverityRating severity) {
  public AffectedPackage {
    Objects.requireNonNull(ecosystemKey, "ecosystemKey");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    ranges = List.copyOf(ranges);
    versions = List.copyOf(versions);
    fixedVersion = Objects.requireNonNullElse(fixedVersion, "");
  }
}
