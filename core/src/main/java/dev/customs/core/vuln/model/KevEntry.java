package dev.customs.core.vuln.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A CVE in CISA's Known Exploited Vulnerabilities catalog.
 *
 * @param knownRansomwareCampaignUse {@code Known} or {@code Unknown}, as CISA writes it
 * @param dueDate the remediation deadline for US federal agencies, or null
 */
public record KevEntry(
    String cveId,
    String vendorProject,
    String product,
    String vulnerabilityName,
    LocalDate dateAdded,
    LocalDate dueDate,
    String knownRansomwareCampaignUse) {
  public KevEntry {
    Objects.requireNonNull(cveId, "cveId");
    Objects.requireNonNull(dateAdded, "dateAdded");
    vendorProject = Objects.requireNonNullElse(vendorProject, "");
    product = Objects.requireNonNullElse(product, "");
    vulnerabilityName = Objects.requireNonNullElse(vulnerabilityName, "");
    knownRansomwareCampaignUse = Objects.requireNonNullElse(knownRansomwareCampaignUse, "");
  }
}
