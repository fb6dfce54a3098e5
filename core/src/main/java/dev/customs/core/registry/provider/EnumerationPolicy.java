package dev.customs.core.registry.provider;

import java.time.Duration;
import java.util.List;

/**
 * What one enumeration run keeps.
 *
 * @param includeRepositories globs a repository must match (any); empty means all
 * @param excludeRepositories globs that drop a repository
 * @param includeTags globs a tag must match (any); empty means all
 * @param excludeTags globs that drop a tag
 * @param maxRepositories at most this many repositories per run (after filtering); the report's
 *     cursor says where the next run resumes
 * @param maxTagsPerRepository keep at most this many tags per repository, newest first
 * @param maxImageAge skip tags pushed longer ago than this (only where the registry shows dates); null for no limit
 * @param resumeAfter the cursor of the previous run (a repository name), or null to start at the beginning
 * @param parallelism how many repositories have their tags listed at the same time
 */
public record EnumerationPolicy(
    List<String> includeRepositories,
    List<String> excludeRepositories,
    List<String> includeTags,
    List<String> excludeTags,
    int maxRepositories,
    int maxTagsPerRepository,
    Duration maxImageAge,
    String resumeAfter,
    int parallelism) {

  public static final int DEFAULT_PARALLELISM = 8;

  public EnumerationPolicy {
    includeRepositories = List.copyOf(includeRepositories);
    excludeRepositories = List.copyOf(excludeRepositories);
    includeTags = List.copyOf(includeTags);
    excludeTags = List.copyOf(excludeTags);
    if (maxRepositories < 1 || maxTagsPerRepository < 1 || parallelism < 1) {
      throw new IllegalArgumentException("maxRepositories, maxTagsPerRepository and parallelism must be positive");
    }
  }

  /** Everything, all at once. */
  public static EnumerationPolicy all() {
    return new EnumerationPolicy(List.of(), List.of(), List.of(), List.of(), Integer.MAX_VALUE,
        Integer.MAX_VALUE, null, null, DEFAULT_PARALLELISM);
  }

  public EnumerationPolicy withRepositories(List<String> include, List<String> exclude) {
    return new EnumerationPolicy(include, exclude, includeTags, excludeTags, maxRepositories,
        maxTagsPerRepository, maxImageAge, resumeAfter, parallelism);
  }

  public EnumerationPolicy withTags(List<String> include, List<String> exclude) {
    return new EnumerationPolicy(includeRepositories, excludeRepositories, include, exclude, maxRepositories,
        maxTagsPerRepository, maxImageAge, resumeAfter, parallelism);
  }

  public EnumerationPolicy withLimits(int repositories, int tagsPerRepository, Duration imageAge) {
    return new EnumerationPolicy(includeRepositories, excludeRepositories, includeTags, excludeTags, repositories,
        tagsPerRepository, imageAge, resumeAfter, parallelism);
  }

  public EnumerationPolicy resumingAfter(String cursor) {
    return new EnumerationPolicy(includeRepositories, excludeRepositories, includeTags, excludeTags,
        maxRepositories, maxTagsPerRepository, maxImageAge, cursor, parallelism);
  }

  public EnumerationPolicy withParallelism(int threads) {
    return new EnumerationPolicy(includeRepositories, excludeRepositories, includeTags, excludeTags,
        maxRepositories, maxTagsPerRepository, maxImageAge, resumeAfter, threads);
  }
}
