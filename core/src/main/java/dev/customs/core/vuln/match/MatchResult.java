package dev.customs.core.vuln.match;

import dev.customs.core.vuln.db.BundleMetadata;
import java.util.List;
import java.util.Optional;

/**
 * What matching found for one inventory.
 *
 * @param findings sorted by package (inventory order), then severity (highest first), then id
 * @param distro the coverage of the image's distro release; empty when the image has no known OS
 * @param database what the database holds and when it was built (for the report's "data age")
 * @param problems records or package versions that could not be compared, each naming the package,
 *     record and reason; matching went on without them
 */
public record MatchResult(
    List<Finding> findings, Optional<DistroCoverage> distro, BundleMetadata database, List<String> problems) {
  public MatchResult {
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
  }

  /** Whether the OS packages were checked against data for their release. */
  public boolean distroCovered() {
    return distro.map(DistroCoverage::covered).orElse(true);
  }
}
