package dev.customs.core.registry.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.registry.RegistryOptions;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's enumeration benchmark: 200 repositories × 5 tags in a real registry, made cheaply from
 * one skopeo push ({@link LocalRegistry#copyEverywhere}), then
 * enumerated whole, filtered, limited and resumed. Prints the times.
 */
class GenericEnumerationBenchmarkTest {
  private static final int REPOSITORIES = 200;
  private static final int TAGS = 5;
  private static LocalRegistry registry;

  @TempDir
  Path temp;

  @BeforeAll
  static void fillRegistry() {
    registry = LocalRegistry.start();
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "seed/alpine:1");
    long start = System.nanoTime();
    registry.copyEverywhere("seed/alpine", "1", IntStream.range(0, REPOSITORIES)
        .mapToObj(GenericEnumerationBenchmarkTest::repositoryName).toList(),
        IntStream.range(0, TAGS).mapToObj(t -> "1.0." + t).toList());
    System.out.printf("registry filled: %d repositories x %d tags in %d ms%n", REPOSITORIES, TAGS,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** {@code team-a/svc-000} … {@code team-a/svc-099}, {@code team-b/svc-100} … {@code team-b/svc-199}. */
  private static String repositoryName(int i) {
    return String.format("team-%s/svc-%03d", i < REPOSITORIES / 2 ? "a" : "b", i);
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  private EnumerationReport enumerate(EnumerationPolicy policy) throws IOException {
    RegistryIntegration integration = RegistryIntegration.of("generic", registry.url(), null, null);
    RegistryOptions options = RegistryOptions.defaults().withDockerConfig(temp, List.of());
    try (RegistryEnumerator enumerator = RegistryProviders.forType("generic").enumerator(integration, options)) {
      return new EnumerationRun().run(enumerator, policy);
    }
  }

  @Test
  void enumeratesAThousandTagsWithFiltersLimitsAndResume() throws IOException {
    EnumerationReport sequential = enumerate(EnumerationPolicy.all().withParallelism(1));
    EnumerationReport all = enumerate(EnumerationPolicy.all());
    assertThat(all.repositoriesInRegistry()).isEqualTo(REPOSITORIES + 1);
    assertThat(all.repositories()).hasSize(REPOSITORIES + 1);
    assertThat(all.tagCount()).isEqualTo(REPOSITORIES * TAGS + 1);
    assertThat(all.failures()).isEmpty();
    assertThat(sequential.tagCount()).isEqualTo(all.tagCount());
    System.out.printf("enumerated %d repositories / %d tags: %d ms with 8 parallel tag listings, %d ms one at a time%n",
        all.repositories().size(), all.tagCount(), all.elapsed().toMillis(), sequential.elapsed().toMillis());

    EnumerationReport filtered = enumerate(EnumerationPolicy.all()
        .withRepositories(List.of("team-a/**"), List.of("team-a/svc-00?"))
        .withTags(List.of("1.0.*"), List.of("*.4")).withLimits(Integer.MAX_VALUE, 3, Duration.ofDays(30)));
    assertThat(filtered.repositories()).hasSize(90)
        .allSatisfy(r -> assertThat(r.tags()).extracting(TagInfo::name).containsExactly("1.0.3", "1.0.2", "1.0.1"));
    assertThat(filtered.repositories().getFirst().repository()).isEqualTo("team-a/svc-010");
    System.out.printf("filtered run: %d repositories / %d tags in %d ms%n", filtered.repositories().size(),
        filtered.tagCount(), filtered.elapsed().toMillis());

    EnumerationPolicy nightly = EnumerationPolicy.all().withRepositories(List.of("team-*/**"), List.of())
        .withLimits(150, 5, null);
    EnumerationReport night1 = enumerate(nightly);
    EnumerationReport night2 = enumerate(nightly.resumingAfter(night1.resumeCursor()));
    assertThat(night1.repositories()).hasSize(150);
    assertThat(night1.resumeCursor()).isEqualTo("team-b/svc-149");
    assertThat(night2.repositories()).hasSize(50);
    assertThat(night2.repositories().getFirst().repository()).isEqualTo("team-b/svc-150");
    assertThat(night2.resumeCursor()).isNull();
  }
}
