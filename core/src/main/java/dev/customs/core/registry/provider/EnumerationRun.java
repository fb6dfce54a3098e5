package dev.customs.core.registry.provider;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One enumeration of one registry under an {@link EnumerationPolicy}: repositories in name order
 * from the resume cursor on, filtered, at most {@code maxRepositories}; their tags listed a few
 * repositories at a time (one slow repository does not hold up the rest), filtered, limited by age
 * and count, newest first (undated tags by descending name). A repository whose tags cannot be listed is a failure in the report, not
 * the end of the run.
 */
public final class EnumerationRun {
  // Dated tags newest first. Undated ones follow in descending name order: registries list tags
  // in no promised order (distribution 2.8 does not sort), and higher versions sort later by name.
  private static final Comparator<TagInfo> NEWEST_FIRST = Comparator.comparing(TagInfo::updated,
      Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
      .thenComparing(TagInfo::name, Comparator.reverseOrder());

  private final Clock clock;

  public EnumerationRun(Clock clock) {
    this.clock = clock;
  }

  public EnumerationRun() {
    this(Clock.systemUTC());
  }

  /** @throws IOException when the repositories cannot be listed at all */
  public EnumerationReport run(RegistryEnumerator enumerator, EnumerationPolicy policy) throws IOException {
    long start = System.nanoTime();
    List<String> all = enumerator.repositories().stream().distinct().sorted().toList();
    NameGlobs repositoryGlobs = new NameGlobs(policy.includeRepositories(), policy.excludeRepositories());
    List<String> candidates = all.stream()
        .filter(r -> policy.resumeAfter() == null || r.compareTo(policy.resumeAfter()) > 0)
        .filter(repositoryGlobs::keeps)
        .toList();
    List<String> batch = candidates.subList(0, Math.min(policy.maxRepositories(), candidates.size()));
    String cursor = batch.size() < candidates.size() ? batch.getLast() : null;
    List<RepositoryTags> found = new ArrayList<>();
    List<EnumerationFailure> failures = new ArrayList<>();
    listTags(enumerator, policy, batch, found, failures);
    return new EnumerationReport(found, failures, all, cursor, Duration.ofNanos(System.nanoTime() - start));
  }

  private void listTags(RegistryEnumerator enumerator, EnumerationPolicy policy, List<String> batch,
      List<RepositoryTags> found, List<EnumerationFailure> failures) throws IOException {
    NameGlobs tagGlobs = new NameGlobs(policy.includeTags(), policy.excludeTags());
    Instant now = clock.instant();
    try (ExecutorService pool = Executors.newFixedThreadPool(policy.parallelism(),
        Thread.ofPlatform().daemon().name("enumerate-", 0).factory())) {
      List<Future<List<TagInfo>>> futures = batch.stream()
          .map(repository -> pool.submit(() -> enumerator.tags(repository)))
          .toList();
      for (int i = 0; i < batch.size(); i++) {
        String repository = batch.get(i);
        try {
          List<TagInfo> listed = futures.get(i).get();
          found.add(new RepositoryTags(repository, select(listed, tagGlobs, policy, now),
              listed.stream().map(TagInfo::name).collect(java.util.stream.Collectors.toSet())));
        } catch (ExecutionException e) {
          failures.add(new EnumerationFailure(repository, String.valueOf(e.getCause().getMessage())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          pool.shutdownNow();
          throw new IOException("enumeration interrupted at repository " + repository, e);
        }
      }
    }
  }

  static List<TagInfo> select(List<TagInfo> tags, NameGlobs globs, EnumerationPolicy policy, Instant now) {
    Instant oldest = policy.maxImageAge() == null ? null : now.minus(policy.maxImageAge());
    return tags.stream()
        .filter(t -> globs.keeps(t.name()))
        .filter(t -> oldest == null || t.updated() == null || !t.updated().isBefore(oldest))
        .sorted(NEWEST_FIRST)
        .limit(policy.maxTagsPerRepository())
        .toList();
  }
}
