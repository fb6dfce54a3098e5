package dev.customs.core.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What a document needs besides the inventory: who wrote it, when, and its unique id. Tests pass
 * fixed values so that documents are byte-for-byte reproducible.
 *
 * @param created the document time, to the second (SPDX allows no fractions)
 * @param documentId the CycloneDX serial number and the unique part of the SPDX namespace
 */
public record SbomContext(String toolName, String toolVersion, Instant created, UUID documentId) {
  public SbomContext {
    created = created.truncatedTo(ChronoUnit.SECONDS);
  }

  public static SbomContext now(String toolVersion) {
    return new SbomContext("customs", toolVersion, Instant.now(), UUID.randomUUID());
  }
}
