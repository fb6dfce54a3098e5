package dev.customs.core.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What policies know about the vulnerability data a scan was matched against.
 *
 * @param builtAt when the database was built ({@code VulnDb.metadata().builtAt()})
 * @param distroCovered whether the database holds advisories for the image's distro release; empty
 *     when the image has no known distro or coverage was not determined
 * @param matchProblems advisories or versions matching could not compare (each naming the package
 *     and the reason): findings may be missing
 */
public record VulnDataFacts(Instant builtAt, Optional<Boolean> distroCovered, List<String> matchProblems) {
  public VulnDataFacts {
    matchProblems = List.copyOf(matchProblems);
  }

  /** Data of this age, covering the distro, matched without problems. */
  public static VulnDataFacts builtAt(Instant builtAt) {
    return new VulnDataFacts(builtAt, Optional.empty(), List.of());
  }
}
