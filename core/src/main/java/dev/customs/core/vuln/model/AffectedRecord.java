package dev.customs.core.vuln.model;

import java.util.List;
import java.util.Objects;

/**
 * What the bundle knows about one vulnerability affecting one package in one ecosystem: the unit
 * the matcher compares an installed version against.
 *
 * @param vulnerabilityId the record id ({@code CVE-…}, {@code GHSA-…}, {@code DSA-…}, {@code ALSA-…})
 * @param aliases ids of the same vulnerability (both directions of the alias table), sorted
 * @param related related ids (the CVEs a DSA/ALSA fixes), sorted
 * @param feed the feed kind the row came from: {@code osv}, {@code debian-tracker},
 *     {@code alpine-secdb}, {@code rubysec}. Distro feeds and distro OSV ecosystems describe distro
 *     packages; a matcher prefers them over language/NVD data for OS packages.
 * @param ecosystemKey e.g. {@code debian:12}, {@code alpine:3.20}, {@code npm}
 * @param packageName normalized; Debian/Ubuntu records name the SOURCE package, Alpine the origin
 * @param ranges affected ranges; a version is affected if any range or {@code versions} contains it.
 *     With neither ranges nor versions every version is affected (unless the status is
 *     {@link AffectedStatus#NOT_AFFECTED}, which never has ranges).
 * @param versions explicitly listed affected versions
 * @param status see {@link AffectedStatus}
 * @param fixedVersion the fix (several comma-joined), or empty
 * @param severities by source: this package's own rating (Debian urgency) first, then the
 *     vulnerability's ratings (GHSA, Ubuntu, NVD) from all feeds
 */
public record AffectedRecord(
    String vulnerabilityId,
    List<String> aliases,
    List<String> related,
    String feed,
    String ecosystemKey,
    String packageName,
    List<VersionRange> ranges,
    List<String> versions,
    AffectedStatus status,
    String fixedVersion,
    List<SeverityRating> severities) {
  public AffectedRecord {
    Objects.requireNonNull(vulnerabilityId, "vulnerabilityId");
    Objects.requireNonNull(status, "status");
    aliases = List.copyOf(aliases);
    related = List.copyOf(related);
    ranges = List.copyOf(ranges);
    versions = List.copyOf(versions);
    fixedVersion = Objects.requireNonNullElse(fixedVersion, "");
    severities = List.copyOf(severities);
  }
}
