package dev.customs.core.registry.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.registry.MediaTypes;
import dev.customs.core.registry.RegistryOptions;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's enumeration benchmark: 200 repositories × 5 tags in a real registry, made cheaply from
 * one skopeo push (blobs mounted across repositories, the same manifest PUT under each tag), then
 * enumerated whole, filtered, limited and resumed. Prints the times.
 */
class GenericEnumerationBenchmarkTest {
  private static final int REPOSITORIES = 200;
  private static final int TAGS = 5;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalRegistry registry;

  @TempDir
  Path temp;

  @BeforeAll
  static void fillRegistry() throws Exception {
    registry = LocalRegistry.start();
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "seed/alpine:1");
    long start = System.nanoTime();
    try (HttpClient http = HttpClient.newHttpClient(); ExecutorService pool = Executors.newFixedThreadPool(8)) {
      HttpResponse<byte[]> manifest = http.send(HttpRequest.newBuilder(URI.create(registry.url()
          + "/v2/seed/alpine/manifests/1")).header("Accept", String.join(", ", MediaTypes.ACCEPTED)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      String mediaType = manifest.headers().firstValue("Content-Type").orElseThrow();
      List<String> blobs = new ArrayList<>();
      JsonNode parsed = JSON.readTree(manifest.body());
      blobs.add(parsed.path("config").path("digest").asText());
      parsed.path("layers").forEach(l -> blobs.add(l.path("digest").asText()));
      List<Future<Void>> work = new ArrayList<>();
      for (int i = 0; i < REPOSITORIES; i++) {
        String repository = repositoryName(i);
        work.add(pool.submit(() -> copyInto(http, repository, blobs, mediaType, manifest.body())));
      }
      for (Future<Void> f : work) {
        f.get();
      }
    }
    System.out.printf("registry filled: %d repositories x %d tags in %d ms%n", REPOSITORIES, TAGS,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** {@code team-a/svc-000} … {@code team-a/svc-099}, {@code team-b/svc-100} … {@code team-b/svc-199}. */
  private static String repositoryName(int i) {
    return String.format("team-%s/svc-%03d", i < REPOSITORIES / 2 ? "a" : "b", i);
  }

  /** Cross-repository blob mounts, then the seed's manifest under five tags. */
  private static Void copyInto(HttpClient http, String repository, List<String> blobs, String mediaType, byte[] manifest)
      throws IOException, InterruptedException {
    for (String digest : blobs) {
      HttpResponse<Void> mount = http.send(HttpRequest.newBuilder(URI.create(registry.url() + "/v2/" + repository
          + "/blobs/uploads/?mount=" + digest + "&from=seed/alpine")).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.discarding());
      if (mount.statusCode() != 201) {
        throw new IllegalStateException("mount of " + digest + " into " + repository + " answered " + mount.statusCode());
      }
    }
    for (int t = 0; t < TAGS; t++) {
      registry.putManifest(repository, "1.0." + t, mediaType, manifest);
    }
    return null;
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
