package dev.customs.core.vuln.match;

import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.vuln.model.EpssScore;
import dev.customs.core.vuln.model.KevEntry;
import dev.customs.core.vuln.model.Reference;
import dev.customs.core.vuln.model.SeverityRating;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One vulnerability affecting one installed package. The same vulnerability reported by several
 * feeds or under several ids (CVE, GHSA, DSA…) is one finding.
 *
 * @param id the primary id: the CVE when there is one, else the record's own id
 * @param aliases every other id of the same vulnerability (aliases and advisories that fix it), sorted
 * @param pkg the affected package as the inventory has it
 * @param installedVersion the package's installed version
 * @param fixedVersions versions that fix it (empty unless {@link FindingStatus#FIXED})
 * @param status fixed, unfixed, won't fix, end of life or undetermined
 * @param severity the level and who said so: the distro for distro packages, else the advisory,
 *     else NVD, else the CVSS score ({@code cvss:…}); {@code UNKNOWN} when nobody says
 * @param cvss every CVSS assessment of every id, scored
 * @param kev the CISA KEV entry when one of the ids is known to be exploited
 * @param epss the highest EPSS score among the ids
 * @param published the earliest publication date, or null
 * @param references links, without duplicates
 * @param evidence the records that matched
 */
public record Finding(
    String id,
    List<String> aliases,
    InventoryPackage pkg,
    String installedVersion,
    List<String> fixedVersions,
    FindingStatus status,
    SeverityRating severity,
    List<CvssScore> cvss,
    Optional<KevEntry> kev,
    Optional<EpssScore> epss,
    Instant published,
    String title,
    String description,
    List<String> cwes,
    List<Reference> references,
    List<MatchEvidence> evidence) {
  public Finding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(severity, "severity");
    aliases = List.copyOf(aliases);
    fixedVersions = List.copyOf(fixedVersions);
    cvss = List.copyOf(cvss);
    title = Objects.requireNonNullElse(title, "");
    description = Objects.requireNonNullElse(description, "");
    cwes = List.copyOf(cwes);
    references = List.copyOf(references);
    evidence = List.copyOf(evidence);
  }

  /** The primary id and every alias. */
  public List<String> ids() {
    return Stream.concat(Stream.of(id), aliases.stream()).toList();
  }

  /** Whether a fix exists. */
  public boolean fixable() {
    return status == FindingStatus.FIXED;
  }
}
