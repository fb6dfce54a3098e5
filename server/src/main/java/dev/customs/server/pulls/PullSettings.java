package dev.customs.server.pulls;

import dev.customs.core.registry.provider.EnumerationPolicy;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * How a registry is pulled: when (a Spring cron expression, seconds first) and what an
 * enumeration run keeps (globs as core's {@link EnumerationPolicy} reads them).
 *
 * @param maxAgeDays skip tags pushed longer ago (where the registry shows dates); null for no limit
 * @param resumeCursor where the next run resumes when the last one stopped at {@code maxRepositories}
 */
public record PullSettings(UUID registryId, String cron, List<String> includeRepositories,
    List<String> excludeRepositories, List<String> includeTags, List<String> excludeTags, int maxTagsPerRepository,
    int maxRepositories, Integer maxAgeDays, String resumeCursor) {

  /** Nightly at 03:00 (in the zone of the server clock, UTC), everything. */
  public static final String DEFAULT_CRON = "0 0 3 * * *";
  public static final int DEFAULT_MAX_TAGS = 20;
  public static final int DEFAULT_MAX_REPOSITORIES = 1000;

  public PullSettings {
    includeRepositories = List.copyOf(includeRepositories);
    excludeRepositories = List.copyOf(excludeRepositories);
    includeTags = List.copyOf(includeTags);
    excludeTags = List.copyOf(excludeTags);
  }

  public static PullSettings defaults(UUID registryId) {
    return new PullSettings(registryId, DEFAULT_CRON, List.of(), List.of(), List.of(), List.of(), DEFAULT_MAX_TAGS,
        DEFAULT_MAX_REPOSITORIES, null, null);
  }

  public EnumerationPolicy policy() {
    return EnumerationPolicy.all()
        .withRepositories(includeRepositories, excludeRepositories)
        .withTags(includeTags, excludeTags)
        .withLimits(maxRepositories, maxTagsPerRepository, maxAgeDays == null ? null : Duration.ofDays(maxAgeDays))
        .resumingAfter(resumeCursor);
  }
}
