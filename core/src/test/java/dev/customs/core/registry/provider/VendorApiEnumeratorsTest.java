package dev.customs.core.registry.provider;

import static dev.customs.core.registry.provider.ReplayServer.recording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.customs.core.registry.RegistryOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vendor-API enumerators against the registries' documented answers, replayed by a local HTTP
 * server. Where shared/testdata has no sample (Quay, Nexus, JFrog, the Hub repository list), the
 * pages below follow the vendor's API reference and say so.
 */
class VendorApiEnumeratorsTest {
  @RegisterExtension
  final ReplayServer server = new ReplayServer();

  @TempDir
  Path temp;

  private RegistryOptions options() {
    return RegistryOptions.defaults().withDockerConfig(temp, List.of());
  }

  private EnumerationReport enumerate(RegistryIntegration integration) throws Exception {
    try (RegistryEnumerator enumerator = RegistryProviders.forType(integration.type()).enumerator(integration, options())) {
      return new EnumerationRun().run(enumerator, EnumerationPolicy.all());
    }
  }

  @Test
  void harborWalksProjectsRepositoriesAndTaggedArtifactsAlongLinkHeaders() throws Exception {
    server.replay(recording("harbor/api-projects-page1.RECONSTRUCTED.http"), "https://harbor.example.com")
        .replay(recording("harbor/api-repositories.RECONSTRUCTED.http"), "https://harbor.example.com")
        .replay(recording("harbor/api-artifacts.RECONSTRUCTED.http"), "https://harbor.example.com")
        // the recorded second page lists "library" with repo_count 0: its repository list is empty
        .json("/api/v2.0/projects/library/repositories?page=1", "[]", Map.of());
    EnumerationReport report = enumerate(new RegistryIntegration("harbor", server.url(), "admin", "Harbor12345", Map.of()));
    assertThat(report.failures()).isEmpty();
    assertThat(report.repositories()).singleElement().satisfies(r -> {
      assertThat(r.repository()).isEqualTo("harbor/alpine");
      assertThat(r.tags()).containsExactly(new TagInfo("3.8", Instant.parse("2023-04-03T06:04:53.600Z"),
          "sha256:2bb501e6173d9d006e56de5bce2720eb06396803300fe1687b58a7ff32bf4c14"));
    });
    assertThat(server.received()).allSatisfy(r -> assertThat(r.requestHeaders().get("authorization"))
        .isEqualTo("Basic YWRtaW46SGFyYm9yMTIzNDU="));
    assertThat(server.received()).extracting(HttpExchangeFile.Exchange::target)
        .contains("/api/v2.0/projects?page=2&page_size=1&with_detail=true");
  }

  @Test
  void gitlabListsProjectRepositoriesAndTheirTags() throws Exception {
    server.json("/api/v4/projects/1/registry/repositories?page=1",
            Files.readString(recording("gitlab/harbor-adapter-testdata.repositories-1.json")), Map.of("X-Next-Page", ""))
        .json("/api/v4/projects/1/registry/repositories/11/tags?page=1",
            Files.readString(recording("gitlab/harbor-adapter-testdata.tags-11.json")), Map.of("X-Next-Page", "''"));
    EnumerationReport report = enumerate(new RegistryIntegration("gitlab", "registry.gitlab.com", "bot", "glpat-x",
        Map.of("apiUrl", server.url(), "project", "1")));
    assertThat(report.repositories()).singleElement().satisfies(r -> {
      assertThat(r.repository()).isEqualTo("library/dockers");
      assertThat(r.tags()).extracting(TagInfo::name).containsExactly("v2", "latest", "harbor");
    });
    assertThat(server.received().getFirst().requestHeaders().get("authorization")).isEqualTo("Bearer glpat-x");
  }

  @Test
  void dockerHubLogsInWithTheAccessTokenAndFollowsNextUrls() throws Exception {
    String token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
    server.replay(recording("dockerhub/auth-token-create.http"), "https://hub.docker.com")
        // no published sample of the repository list: shaped after the Hub API reference (count/next/results)
        .answer("GET", "/v2/namespaces/svendowideit/repositories", bearer, "", 200, Map.of(),
            "{\"count\":1,\"next\":null,\"results\":[{\"name\":\"testhook\",\"namespace\":\"svendowideit\"}]}")
        .answer("GET", "/v2/namespaces/svendowideit/repositories/testhook/tags", bearer, "", 200, Map.of(),
            Files.readString(recording("dockerhub/tags-list-page.RECONSTRUCTED.json")))
        .answer("GET", "/v2/namespaces/svendowideit/repositories/testhook/tags?page=2", bearer, "", 200, Map.of(),
            "{\"count\":3,\"next\":null,\"results\":[{\"name\":\"0.9\",\"last_updated\":\"2020-06-01T00:00:00.000000Z\"}]}");
    RegistryIntegration hub = new RegistryIntegration("dockerhub", "docker.io", "myusername", "dckr_pat_124509ugsdjga93",
        Map.of("hubUrl", server.url(), "namespace", "svendowideit"));
    EnumerationReport report = enumerate(hub);
    assertThat(report.failures()).isEmpty();
    assertThat(report.repositories()).singleElement().satisfies(r -> {
      assertThat(r.repository()).isEqualTo("svendowideit/testhook");
      assertThat(r.tags()).extracting(TagInfo::name).containsExactly("latest", "1.0", "0.9");
      assertThat(r.tags().getFirst().digest())
          .isEqualTo("sha256:c1ae9c435032a276f80220c7d9b40f76266bbe79243d34f9cda30b76fe114dfa");
    });
    assertThatThrownBy(() -> enumerate(new RegistryIntegration("dockerhub", "docker.io", "myusername", "wrong",
        Map.of("hubUrl", server.url())))).hasMessageContaining("log in to Docker Hub as myusername")
        .hasMessageContaining("404");
  }

  @Test
  void quayFollowsNextPageTokensAndHasAdditionalTagPages() throws Exception {
    // Quay API reference: GET /api/v1/repository?namespace= → {repositories, next_page};
    // GET /api/v1/repository/{repo}/tag/ → {tags[{name,start_ts,last_modified,manifest_digest}], page, has_additional}
    server.json("/api/v1/repository?namespace=dgangaia",
            "{\"repositories\":[{\"namespace\":\"dgangaia\",\"name\":\"test\"}],\"next_page\":\"gAAAAA1\"}", Map.of())
        .json("/api/v1/repository?namespace=dgangaia&next_page=gAAAAA1",
            "{\"repositories\":[{\"namespace\":\"dgangaia\",\"name\":\"web\"}]}", Map.of())
        .json("/api/v1/repository/dgangaia/test/tag/?page=1", "{\"tags\":[{\"name\":\"old\",\"start_ts\":1600000000,"
            + "\"manifest_digest\":\"sha256:aa\"}],\"page\":1,\"has_additional\":true}", Map.of())
        .json("/api/v1/repository/dgangaia/test/tag/?page=2", "{\"tags\":[{\"name\":\"latest\","
            + "\"last_modified\":\"Tue, 05 Jan 2021 21:06:53 -0000\",\"manifest_digest\":\"sha256:bb\"}],"
            + "\"page\":2,\"has_additional\":false}", Map.of())
        .json("/api/v1/repository/dgangaia/web/tag/?page=1", "{\"tags\":[],\"has_additional\":false}", Map.of());
    EnumerationReport report = enumerate(new RegistryIntegration("quay", server.url(), "dgangaia+robot", "tok",
        Map.of("namespace", "dgangaia", "apiToken", "oauth-app-token")));
    assertThat(report.repositories()).extracting(RepositoryTags::repository).containsExactly("dgangaia/test", "dgangaia/web");
    assertThat(report.repositories().getFirst().tags()).containsExactly(
        new TagInfo("latest", Instant.parse("2021-01-05T21:06:53Z"), "sha256:bb"),
        new TagInfo("old", Instant.ofEpochSecond(1600000000), "sha256:aa"));
    assertThat(server.received().getFirst().requestHeaders().get("authorization")).isEqualTo("Bearer oauth-app-token");
  }

  @Test
  void nexusGroupsSearchResultsAcrossContinuationTokens() throws Exception {
    // Nexus REST reference: GET /service/rest/v1/search?repository=&format=docker → {items, continuationToken}
    server.json("/service/rest/v1/search?repository=docker-hosted&format=docker", "{\"items\":[{\"name\":\"app1/alpine\","
            + "\"version\":\"3.4\",\"assets\":[{\"lastModified\":\"2020-04-05T21:49:44.219+0000\","
            + "\"checksum\":{\"sha256\":\"11\"}}]}],\"continuationToken\":\"88491cd1d185dd136f143f20c4e7d50c\"}", Map.of())
        .json("/service/rest/v1/search?repository=docker-hosted&format=docker&continuationToken=88491cd1d185dd136f143f20c4e7d50c",
            "{\"items\":[{\"name\":\"app1/alpine\",\"version\":\"3.5\",\"assets\":[{\"lastModified\":"
            + "\"2021-04-05T21:49:44.219+00:00\"}]},{\"name\":\"app2/web\",\"version\":\"1\",\"assets\":[]}],"
            + "\"continuationToken\":null}", Map.of());
    EnumerationReport report = enumerate(new RegistryIntegration("nexus", "http://nexus:8082", "admin", "pw",
        Map.of("apiUrl", server.url(), "repository", "docker-hosted")));
    assertThat(report.repositories()).extracting(RepositoryTags::repository).containsExactly("app1/alpine", "app2/web");
    assertThat(report.repositories().getFirst().tags()).containsExactly(
        new TagInfo("3.5", Instant.parse("2021-04-05T21:49:44.219Z"), null),
        new TagInfo("3.4", Instant.parse("2020-04-05T21:49:44.219Z"), "sha256:11"));
  }

  @Test
  void jfrogUsesTheDockerApiOfEachRepository() throws Exception {
    // Artifactory's /api/repositories and its per-repository Docker v2 API (distribution-shaped pages)
    server.json("/artifactory/api/repositories?packageType=docker", "[{\"key\":\"docker-local\",\"type\":\"LOCAL\"}]", Map.of())
        .json("/artifactory/api/docker/docker-local/v2/_catalog", "{\"repositories\":[\"a\",\"b/c\"]}",
            Map.of("Link", "</artifactory/api/docker/docker-local/v2/_catalog?last=b%2Fc&n=2>; rel=\"next\""))
        .json("/artifactory/api/docker/docker-local/v2/_catalog?last=b/c", "{\"repositories\":[\"d\"]}", Map.of())
        .json("/artifactory/api/docker/docker-local/v2/a/tags/list", "{\"name\":\"a\",\"tags\":[\"1\",\"2\"]}", Map.of())
        .json("/artifactory/api/docker/docker-local/v2/b/c/tags/list", "{\"name\":\"b/c\",\"tags\":[\"x\"]}", Map.of());
    EnumerationReport report = enumerate(new RegistryIntegration("jfrog", server.url(), null, "identity-token", Map.of()));
    assertThat(report.repositories()).extracting(RepositoryTags::repository)
        .containsExactly("docker-local/a", "docker-local/b/c");
    assertThat(report.failures()).singleElement().satisfies(f -> {
      assertThat(f.repository()).isEqualTo("docker-local/d");
      assertThat(f.message()).contains("404");
    });
    assertThat(server.received().getFirst().requestHeaders().get("authorization")).isEqualTo("Bearer identity-token");
  }

  @Test
  void apiAnswersOf503AreRetriedAsTheRegistryAsksAndThenReported() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer flaky = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    flaky.createContext("/", exchange -> {
      byte[] body = "{\"repositories\":[{\"namespace\":\"ns\",\"name\":\"app\"}]}".getBytes(StandardCharsets.UTF_8);
      boolean fail = calls.incrementAndGet() % 2 == 1;
      exchange.getResponseHeaders().add("Retry-After", "0");
      exchange.sendResponseHeaders(fail ? 503 : 200, fail ? -1 : body.length);
      exchange.getResponseBody().write(fail ? new byte[0] : body);
      exchange.close();
    });
    flaky.start();
    try {
      RegistryIntegration quay = new RegistryIntegration("quay", "http://127.0.0.1:" + flaky.getAddress().getPort(),
          null, "t", Map.of("namespace", "ns"));
      try (RegistryEnumerator enumerator = RegistryProviders.forType("quay").enumerator(quay, options())) {
        assertThat(enumerator.repositories()).containsExactly("ns/app");
      }
      assertThat(calls.get()).isEqualTo(2);
      try (RegistryEnumerator enumerator = RegistryProviders.forType("quay")
          .enumerator(quay, options().withRetries(1, Duration.ofMillis(1)))) {
        assertThatThrownBy(enumerator::repositories).hasMessageStartingWith("failed to list repositories of 127.0.0.1:")
            .hasMessageContaining("/api/v1/repository: 503 server error");
      }
    } finally {
      flaky.stop(0);
    }
  }
}
