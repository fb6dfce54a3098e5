package dev.customs.core.registry.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy part of enumeration: globs, limits, ages, ordering, resume cursor and failures. */
class EnumerationRunTest {
  private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

  /** A registry held in memory; "broken/…" repositories fail to list their tags. */
  private record MemoryEnumerator(Map<String, List<TagInfo>> content) implements RegistryEnumerator {
    @Override
    public List<String> repositories() {
      return List.copyOf(content.keySet());
    }

    @Override
    public List<TagInfo> tags(String repository) throws IOException {
      if (repository.startsWith("broken/")) {
        throw new IOException("failed to list tags of " + repository + ": 500 server error");
      }
      return content.get(repository);
    }

    @Override
    public void close() {
    }
  }

  private static TagInfo tag(String name, int daysAgo) {
    return new TagInfo(name, NOW.minus(Duration.ofDays(daysAgo)), null);
  }

  private final MemoryEnumerator registry = new MemoryEnumerator(Map.of(
      "team/api", List.of(tag("1.0", 400), tag("2.0", 10), tag("latest", 1), tag("2.0-rc1", 20)),
      "team/web", List.of(TagInfo.named("a"), TagInfo.named("b")),
      "team/sub/deep", List.of(tag("x", 5)),
      "other/tool", List.of(tag("v1", 3)),
      "broken/thing", List.of()));

  private EnumerationReport run(EnumerationPolicy policy) throws IOException {
    return new EnumerationRun(Clock.fixed(NOW, ZoneOffset.UTC)).run(registry, policy);
  }

  @Test
  void everythingNewestFirstUndatedByDescendingNameAndFailuresReported() throws IOException {
    EnumerationReport report = run(EnumerationPolicy.all());
    assertThat(report.repositories()).extracting(RepositoryTags::repository)
        .containsExactly("other/tool", "team/api", "team/sub/deep", "team/web");
    assertThat(report.repositories().get(1).tags()).extracting(TagInfo::name)
        .containsExactly("latest", "2.0", "2.0-rc1", "1.0");
    assertThat(report.repositories().get(3).tags()).extracting(TagInfo::name).containsExactly("b", "a");
    assertThat(report.failures()).containsExactly(
        new EnumerationFailure("broken/thing", "failed to list tags of broken/thing: 500 server error"));
    assertThat(report.registryRepositories())
        .containsExactly("broken/thing", "other/tool", "team/api", "team/sub/deep", "team/web");
    assertThat(report.resumeCursor()).isNull();
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
      "team/*     |             | team/api,team/web",
      "team/**    |             | team/api,team/sub/deep,team/web",
      "team/**    | team/w?b    | team/api,team/sub/deep",
      "           | broken/*    | other/tool,team/api,team/sub/deep,team/web"})
  void repositoryGlobs(String include, String exclude, String expected) throws IOException {
    EnumerationPolicy policy = EnumerationPolicy.all().withRepositories(
        include == null ? List.of() : List.of(include), exclude == null ? List.of() : List.of(exclude));
    assertThat(run(policy).repositories()).extracting(RepositoryTags::repository)
        .containsExactly(expected.split(","));
  }

  @Test
  void tagGlobsAgeLimitAndTagCount() throws IOException {
    EnumerationPolicy policy = EnumerationPolicy.all().withRepositories(List.of("team/api"), List.of())
        .withTags(List.of("*"), List.of("*-rc*")).withLimits(10, 2, Duration.ofDays(90));
    RepositoryTags api = run(policy).repositories().getFirst();
    assertThat(api.tags()).extracting(TagInfo::name).containsExactly("latest", "2.0");
    assertThat(api.listed()).as("filters and limits leave tags out, not the record that they exist")
        .containsExactlyInAnyOrder("latest", "2.0", "2.0-rc1", "1.0");
  }

  @Test
  void maxRepositoriesLeavesACursorAndTheNextRunResumesAfterIt() throws IOException {
    EnumerationPolicy policy = EnumerationPolicy.all().withLimits(2, 100, null);
    EnumerationReport first = run(policy);
    assertThat(first.repositories()).extracting(RepositoryTags::repository).containsExactly("other/tool");
    assertThat(first.failures()).extracting(EnumerationFailure::repository).containsExactly("broken/thing");
    assertThat(first.resumeCursor()).isEqualTo("other/tool");
    EnumerationReport second = run(policy.resumingAfter(first.resumeCursor()));
    assertThat(second.repositories()).extracting(RepositoryTags::repository).containsExactly("team/api", "team/sub/deep");
    EnumerationReport third = run(policy.resumingAfter(second.resumeCursor()));
    assertThat(third.repositories()).extracting(RepositoryTags::repository).containsExactly("team/web");
    assertThat(third.resumeCursor()).isNull();
  }

  @Test
  void invalidLimitsAreRefused() {
    assertThatThrownBy(() -> EnumerationPolicy.all().withLimits(0, 1, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
  }
}
