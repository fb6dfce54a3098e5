package dev.customs.core.vuln.model;

import java.time.Instant;
import java.util.List;

/**
 * Everything the bundle knows about one vulnerability id, merged over all feeds (an OSV record and
 * the NVD CVE of the same id add up).
 *
 * @param published the earliest published date any feed states, or null
 * @param modified the latest modified date any feed states, or null
 * @param cvss every CVSS assessment, from every source and CVSS version
 * @param cwes CWE ids ({@code CWE-79}), sorted
 */
public record VulnDetails(
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
    List<Reference> references) {
  public VulnDetails {
    aliases = List.copyOf(aliases);
    related = List.copyOf(related);
    cvss = List.copyOf(cvss);
    severities = List.copyOf(severities);
    cwes = List.copyOf(cwes);
    references = List.copyOf(references);
  }
}
