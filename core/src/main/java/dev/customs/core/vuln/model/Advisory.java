package dev.customs.core.vuln.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One vulnerability record as a feed states it: an OSV record, a Debian tracker CVE of one source
 * package, an Alpine secfix, a RubySec advisory, or an NVD CVE (which affects no package: NVD only
 * enriches).
 *
 * @param id the record's id ({@code CVE-2024-3094}, {@code GHSA-…}, {@code DSA-5417-1})
 * @param aliases ids of the same vulnerability ({@code aliases}, and Ubuntu's {@code upstream})
 * @param related ids of related but different records ({@code related}: the CVEs of a DSA or ALSA)
 * @param published null when unknown
 * @param modified null when unknown
 */
public record Advisory(
    String id,
    List<String> aliases,
    List<String> related,
    String summary,
    String description,
    Instant published,
    Instant modified,
    List<CvssVector> cvss,
    List<SeverityRating> severities,
    List<String> cwes,
    List<Reference> references,
    List<AffectedPackage> affected) {
  public Advisory {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("an advisory needs an id");
    }
    aliases = List.copyOf(aliases);
    related = List.copyOf(related);
    summary = Objects.requireNonNullElse(summary, "");
    description = Objects.requireNonNullElse(description, "");
    cvss = List.copyOf(cvss);
    severities = List.copyOf(severities);
    cwes = List.copyOf(cwes);
    references = List.copyOf(references);
    affected = List.copyOf(affected);
  }
}
