package dev.customs.core.registry.provider;

import java.time.Duration;
import java.util.List;

/**
 * What one enumeration run found.
 *
 * @param repositories the repositories walked, in name order, with the tags kept
 * @param failures repositories whose tags could not be listed
 * @param registryRepositories every repository the registry listed, before any filter or cursor
 * @param resumeCursor where the next run should resume ({@link EnumerationPolicy#resumeAfter}), or
 *     null when this run reached the end
 * @param elapsed how long the run took
 */
public record EnumerationReport(List<RepositoryTags> repositories, List<EnumerationFailure> failures,
    List<String> registryRepositories, String resumeCursor, Duration elapsed) {

  public EnumerationReport {
    repositories = List.copyOf(repositories);
    failures = List.copyOf(failures);
    registryRepositories = List.copyOf(registryRepositories);
  }

  /** How many repositories the registry listed before any filter. */
  public int repositoriesInRegistry() {
    return registryRepositories.size();
  }

  public int tagCount() {
    return repositories.stream().mapToInt(r -> r.tags().size()).sum();
  }
}
