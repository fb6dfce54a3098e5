package dev.customs.core.policy;

import java.time.Instant;
import java.util.Set;

/**
 * What policies know about the vulnerability data a scan was matched against.
 *
 * @param builtAt when the database was built ({@code VulnDb.metadata().builtAt()})
 * @param distroFamilies the distro families it holds advisories for ({@code debian}, {@code alpine}…);
 *     empty when unknown, and then coverage is not judged
 */
public record VulnDataFacts(Instant builtAt, Set<String> distroFamilies) {
  public VulnDataFacts {
    distroFamilies = Set.copyOf(distroFamilies);
  }
}
