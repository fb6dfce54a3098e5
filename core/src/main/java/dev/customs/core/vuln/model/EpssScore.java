package dev.customs.core.vuln.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * FIRST's Exploit Prediction Scoring System score of a CVE on one day.
 *
 * @param score probability of exploitation activity in the next 30 days, 0..1
 * @param percentile the score's percentile among all scored CVEs, 0..1, or null (EPSS v1 had none)
 */
public record EpssScore(String cveId, double score, Double percentile, LocalDate scoreDate) {
  public EpssScore {
    Objects.requireNonNull(cveId, "cveId");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("EPSS score of " + cveId + " is not within 0..1: " + score);
    }
  }
}
